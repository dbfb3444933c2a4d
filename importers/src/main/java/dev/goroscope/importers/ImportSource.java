package dev.goroscope.importers;

import java.io.IOException;
import java.io.InputStream;

/**
 * The content of one file, already decompressed, that an importer can read as a stream (once or several times).
 */
public interface ImportSource {
    /** The name the user knows the file by (its path), used in every message. */
    String name();

    /** A fresh stream over the (decompressed) content from its first byte. */
    InputStream open() throws IOException;

    /** The length of the stored file in bytes, for progress; -1 when unknown. */
    long length();

    /** The bounds the importer must keep to while reading this content. */
    default ImportLimits limits() {
        return ImportLimits.DEFAULT;
    }
}
