package dev.goroscope.importers.trace.v2;

/**
 * One batch as written: the thread that wrote it, its start time in clock units, its bytes and where they begin in
 * the file (for messages).
 *
 * @param experiment 0, or the experiment number of an ExperimentalBatch
 */
record Batch(long gen, long m, long time, byte[] data, long dataOffset, int experiment) {
    static final long NO_THREAD = -1L;

    boolean isKind(int type) {
        return experiment == 0 && data.length > 0 && (data[0] & 0xff) == type;
    }
}
