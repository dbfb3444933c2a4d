package dev.goroscope.importers.dump;

import dev.goroscope.model.stack.StackTable;
import java.util.Arrays;

/**
 * Remembers whole stacks by their frame ids in front of a {@link StackTable}: a stack seen before costs one hash
 * over its frame ids and one comparison instead of a trie lookup per frame.
 */
final class StackCache {
    private final StackTable stacks;
    private int[] slotHash = new int[256];
    private int[] slotStack = new int[256];
    private int[][] slotFrames = new int[256][];
    private int size;

    StackCache(StackTable stacks) {
        this.stacks = stacks;
    }

    /** The id of the stack with frames {@code leafFirst[0, depth)}, innermost first. */
    int intern(int[] leafFirst, int depth) {
        int h = depth;
        for (int i = 0; i < depth; i++) {
            h = (h ^ leafFirst[i]) * 0x9E3779B1;
        }
        h ^= h >>> 16;
        int mask = slotFrames.length - 1;
        int i = h & mask;
        for (; slotFrames[i] != null; i = (i + 1) & mask) {
            if (slotHash[i] == h && Arrays.equals(slotFrames[i], 0, slotFrames[i].length, leafFirst, 0, depth)) {
                return slotStack[i];
            }
        }
        int id = stacks.internLeafFirst(leafFirst, depth);
        slotHash[i] = h;
        slotStack[i] = id;
        slotFrames[i] = Arrays.copyOf(leafFirst, depth);
        if (++size * 2 > slotFrames.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int n = slotFrames.length * 2;
        int[] hashes = new int[n];
        int[] ids = new int[n];
        int[][] frames = new int[n][];
        for (int i = 0; i < slotFrames.length; i++) {
            if (slotFrames[i] != null) {
                int j = slotHash[i] & (n - 1);
                while (frames[j] != null) {
                    j = (j + 1) & (n - 1);
                }
                hashes[j] = slotHash[i];
                ids[j] = slotStack[i];
                frames[j] = slotFrames[i];
            }
        }
        slotHash = hashes;
        slotStack = ids;
        slotFrames = frames;
    }
}
