package dev.goroscope.importers.trace;

import dev.goroscope.importers.Progress;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reports bytes read to a {@link Progress} about every {@value #STEP} bytes, and stops the read with
 * {@link ReadStopped} at the next buffer once the user cancelled it.
 */
final class ProgressStream extends FilterInputStream {
    private static final long STEP = 128 << 10;
    private final Progress progress;
    private final long total;
    private long done;
    private long next = STEP;

    ProgressStream(InputStream in, Progress progress, long total) {
        super(in);
        this.progress = progress;
        this.total = total;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (progress.cancelled()) {
            throw ReadStopped.cancelled("byte " + done);
        }
        int n = super.read(b, off, len);
        if (n > 0) {
            done += n;
            if (done >= next) {
                next = done + STEP;
                progress.update(done, total);
            }
        }
        return n;
    }
}
