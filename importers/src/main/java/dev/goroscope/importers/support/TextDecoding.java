package dev.goroscope.importers.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text importers read UTF-8 bytes. Files saved by Windows tools may instead start with a byte-order mark: a UTF-8
 * mark is skipped, UTF-16 (either order) is transcoded to UTF-8 on the fly.
 */
public final class TextDecoding {
    private TextDecoding() {
    }

    /** {@code raw} as UTF-8 bytes, without a byte-order mark. */
    public static InputStream utf8(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 3);
        byte[] b = new byte[3];
        int n = in.readNBytes(b, 0, 3);
        Charset utf16 = utf16(b, n);
        if (utf16 != null) {
            in.unread(b, 2, n - 2);
            return new Utf8Encoding(new InputStreamReader(in, utf16));
        }
        if (!(n == 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf)) {
            in.unread(b, 0, n);
        }
        return in;
    }

    /** The first {@code length} bytes of a file as UTF-8 without a byte-order mark, for sniffing. */
    public static byte[] utf8Head(byte[] head, int length) {
        Charset utf16 = utf16(head, length);
        if (utf16 != null) {
            return new String(head, 2, length - 2, utf16).getBytes(StandardCharsets.UTF_8);
        }
        if (length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            return Arrays.copyOfRange(head, 3, length);
        }
        return Arrays.copyOf(head, length);
    }

    private static Charset utf16(byte[] b, int n) {
        if (n >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        if (n >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** The characters of a reader as a stream of UTF-8 bytes. */
    private static final class Utf8Encoding extends InputStream {
        private final Reader reader;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final CharBuffer chars = CharBuffer.allocate(8192);
        private final ByteBuffer bytes = ByteBuffer.allocate(8192 * 3 + 16).flip();
        private boolean eof;

        Utf8Encoding(Reader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!bytes.hasRemaining()) {
                if (eof) {
                    return -1;
                }
                bytes.clear();
                int n = reader.read(chars);
                chars.flip();
                if (n < 0) {
                    encoder.encode(chars, bytes, true);
                    encoder.flush(bytes);
                    eof = true;
                } else {
                    encoder.encode(chars, bytes, false);
                }
                chars.compact();
                bytes.flip();
            }
            int k = Math.min(len, bytes.remaining());
            bytes.get(b, off, k);
            return k;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
