package dev.goroscope.importers.dump;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go symbol names as tracebacks print them. The linker percent-escapes some bytes of the package path (a '.' in
 * the last path element, bytes up to space, '%', '"', bytes from 0x7F): {@code gopkg.in/yaml%2ev3.(*decoder).unmarshal}.
 * Only the package part is escaped; type and method names are raw UTF-8.
 */
final class FunctionNames {
    private FunctionNames() {
    }

    /** The name in {@code b[from, to)} with the escapes of its package path decoded. */
    static String decode(byte[] b, int from, int to) {
        int pkgEnd = packageEnd(b, from, to);
        if (Bytes.indexOf(b, from, pkgEnd, (byte) '%') < 0) {
            return Bytes.string(b, from, to);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        int i = from;
        while (i < pkgEnd) {
            int hi = i + 2 < pkgEnd ? hex(b[i + 1]) : -1;
            int lo = hi >= 0 ? hex(b[i + 2]) : -1;
            if (b[i] == '%' && lo >= 0) {
                out.write(hi << 4 | lo);
                i += 3;
            } else {
                out.write(b[i++]);
            }
        }
        out.write(b, pkgEnd, to - pkgEnd);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Where the package path ends: at the first '.' after the last '/' (looking only before the first '(' or '[',
     * which belong to receivers and type arguments).
     */
    static int packageEnd(byte[] b, int from, int to) {
        int limit = to;
        for (int i = from; i < to; i++) {
            if (b[i] == '(' || b[i] == '[') {
                limit = i;
                break;
            }
        }
        int slash = Bytes.lastIndexOf(b, from, limit, (byte) '/');
        int dot = Bytes.indexOf(b, slash + 1 > from ? slash + 1 : from, limit, (byte) '.');
        return dot < 0 ? limit : dot;
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
