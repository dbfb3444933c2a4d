package dev.goroscope.importers;

/** A load the user has already cancelled: for tests of the work importers do after reading. */
public final class CancelledProgress implements Progress {
    public static final Progress INSTANCE = new CancelledProgress();

    private CancelledProgress() {
    }

    @Override
    public void update(long done, long total) {
    }

    @Override
    public boolean cancelled() {
        return true;
    }
}
