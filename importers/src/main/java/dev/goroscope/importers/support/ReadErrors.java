package dev.goroscope.importers.support;

import dev.goroscope.importers.ImportException;
import java.io.IOException;

/** The message for a file that could not be read at all (I/O error, corrupt gzip stream). */
public final class ReadErrors {
    private ReadErrors() {
    }

    public static ImportException cannotRead(String file, String where, IOException e) {
        return new ImportException(file, where, "cannot read: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
}
