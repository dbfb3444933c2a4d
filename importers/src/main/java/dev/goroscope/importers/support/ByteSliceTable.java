package dev.goroscope.importers.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Interns UTF-8 byte slices (names in a text line) to dense ids; see {@link SliceTable}. */
public final class ByteSliceTable extends SliceTable {
    private byte[] arena = new byte[16 * 1024];
    private int arenaSize;
    private byte[] probe;
    private int probeFrom;
    private int probeTo;

    /** The id of {@code b[from..to)}, adding it if it is new. */
    public int intern(byte[] b, int from, int to) {
        probe = b;
        probeFrom = from;
        probeTo = to;
        int h = SEED;
        for (int i = from; i < to; i++) {
            h = mix(h, b[i]);
        }
        return lookup(finish(h), to - from);
    }

    @Override
    boolean probeEquals(int storedOffset) {
        return Arrays.equals(arena, storedOffset, storedOffset + probeTo - probeFrom, probe, probeFrom, probeTo);
    }

    @Override
    int storeProbe() {
        int len = probeTo - probeFrom;
        if (arenaSize + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + len));
        }
        System.arraycopy(probe, probeFrom, arena, arenaSize, len);
        arenaSize += len;
        return arenaSize - len;
    }

    @Override
    String probeString() {
        return new String(probe, probeFrom, probeTo - probeFrom, StandardCharsets.UTF_8);
    }
}
