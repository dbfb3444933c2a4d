package dev.goroscope.importers.support;

import java.util.Arrays;

/** Interns char slices (string values a streaming JSON parser hands out) to dense ids; see {@link SliceTable}. */
public final class CharSliceTable extends SliceTable {
    private char[] arena = new char[16 * 1024];
    private int arenaSize;
    private char[] probe;
    private int probeFrom;
    private int probeTo;

    /** The id of {@code c[from..to)}, adding it if it is new. */
    public int intern(char[] c, int from, int to) {
        probe = c;
        probeFrom = from;
        probeTo = to;
        int h = SEED;
        for (int i = from; i < to; i++) {
            h = mix(h, c[i]);
        }
        return lookup(finish(h), to - from);
    }

    /** The id of {@code s}, adding it if it is new. */
    public int intern(String s) {
        return intern(s.toCharArray(), 0, s.length());
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
        return new String(probe, probeFrom, probeTo - probeFrom);
    }
}
