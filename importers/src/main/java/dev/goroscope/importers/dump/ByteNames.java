package dev.goroscope.importers.dump;

import dev.goroscope.model.stack.StringTable;
import java.util.Arrays;

/**
 * Interns names that arrive as byte ranges into a {@link StringTable}: a name seen before costs one hash and one
 * byte comparison, and only a new name becomes a String. Function names have the percent escapes of their
 * package path decoded (see {@link FunctionNames#decode}).
 */
final class ByteNames {
    private final StringTable target;
    private final boolean functionNames;
    private byte[] arena = new byte[4096];
    private int arenaSize;
    private int[] slotHash = new int[256];
    private int[] slotOffset = new int[256];
    private int[] slotLength = new int[256];
    private int[] slotId = filled(256);
    private int size;

    ByteNames(StringTable target, boolean functionNames) {
        this.target = target;
        this.functionNames = functionNames;
    }

    /** The id in the target table of the name in {@code b[from, to)}. */
    int intern(byte[] b, int from, int to) {
        int h = Bytes.hash(b, from, to);
        int mask = slotId.length - 1;
        int len = to - from;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int id = slotId[i];
            if (id < 0) {
                return add(i, h, b, from, to);
            }
            if (slotHash[i] == h && slotLength[i] == len
                    && Arrays.equals(arena, slotOffset[i], slotOffset[i] + len, b, from, to)) {
                return id;
            }
        }
    }

    private int add(int slot, int h, byte[] b, int from, int to) {
        int len = to - from;
        if (arenaSize + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + len));
        }
        System.arraycopy(b, from, arena, arenaSize, len);
        String s = functionNames ? FunctionNames.decode(b, from, to) : Bytes.string(b, from, to);
        int id = target.intern(s);
        slotHash[slot] = h;
        slotOffset[slot] = arenaSize;
        slotLength[slot] = len;
        slotId[slot] = id;
        arenaSize += len;
        if (++size * 2 > slotId.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int n = slotId.length * 2;
        int[] hashes = new int[n];
        int[] offsets = new int[n];
        int[] lengths = new int[n];
        int[] ids = filled(n);
        for (int i = 0; i < slotId.length; i++) {
            if (slotId[i] >= 0) {
                int j = slotHash[i] & (n - 1);
                while (ids[j] >= 0) {
                    j = (j + 1) & (n - 1);
                }
                hashes[j] = slotHash[i];
                offsets[j] = slotOffset[i];
                lengths[j] = slotLength[i];
                ids[j] = slotId[i];
            }
        }
        slotHash = hashes;
        slotOffset = offsets;
        slotLength = lengths;
        slotId = ids;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }
}
