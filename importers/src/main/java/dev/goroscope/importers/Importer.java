package dev.goroscope.importers;

import dev.goroscope.model.Dataset;

/** Reads one family of files into a {@link Dataset}. */
public interface Importer {
    /** How sure an importer is that a file is its format, from its first bytes. */
    enum Confidence { NO, MAYBE, YES }

    /** A short name such as "goroutine dump". */
    String name();

    /** Decides from the first bytes of the decompressed content ({@code head[0..length)}), never the file name. */
    Confidence sniff(byte[] head, int length);

    /** Reads the whole content. Throws an {@link ImportException} naming the file and where it failed. */
    Dataset read(ImportSource source, Progress progress) throws ImportException;
}
