package dev.goroscope.importers;

/** Where a load is, and whether the user cancelled it. Importers call it every few thousand records. */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} bytes read; total is -1 when unknown (e.g. inside gzip). */
    void update(long done, long total);

    boolean cancelled();
}
