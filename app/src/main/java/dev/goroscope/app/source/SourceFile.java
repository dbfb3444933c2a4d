package dev.goroscope.app.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The lines of a source file: UTF-8, or Latin-1 when it is not valid UTF-8; at most {@value #LIMIT} bytes. */
public record SourceFile(Path path, List<String> lines) {
    static final long LIMIT = 16L << 20;

    public static SourceFile read(Path path) throws IOException {
        long size = Files.size(path);
        if (size > LIMIT) {
            throw new IOException(path + ": " + size + " bytes is too large to show as source");
        }
        byte[] bytes = Files.readAllBytes(path);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return new SourceFile(path, text.lines().toList());
    }
}
