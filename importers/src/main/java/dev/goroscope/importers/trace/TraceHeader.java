package dev.goroscope.importers.trace;

/**
 * The 16-byte header every execution trace starts with: {@code go 1.N trace} padded with NUL bytes.
 *
 * @param minor N, the format version (5..21 is v1, 22 and up v2)
 */
public record TraceHeader(int minor) {
    public static final int SIZE = 16;

    /** The header of {@code head[0..length)}, or null when it is not one. */
    public static TraceHeader parse(byte[] head, int length) {
        if (length < SIZE || head[0] != 'g' || head[1] != 'o' || head[2] != ' ' || head[3] != '1' || head[4] != '.') {
            return null;
        }
        int i = 5;
        int minor = 0;
        while (i < 8 && head[i] >= '0' && head[i] <= '9') {
            minor = minor * 10 + head[i] - '0';
            i++;
        }
        if (i == 5 || head[i] != ' ' || head[i + 1] != 't' || head[i + 2] != 'r' || head[i + 3] != 'a'
                || head[i + 4] != 'c' || head[i + 5] != 'e') {
            return null;
        }
        for (int k = i + 6; k < SIZE; k++) {
            if (head[k] != 0) {
                return null;
            }
        }
        return new TraceHeader(minor);
    }

    public boolean isV2() {
        return minor >= 22;
    }

    /**
     * The Go release(s) that write this header, e.g. "go1.22", "go1.23–go1.24" (1.24 kept the 1.23 format),
     * "go1.11–go1.18".
     */
    public String goVersion() {
        return switch (minor) {
            case 5 -> "go1.5–go1.6";
            case 11 -> "go1.11–go1.18";
            case 19 -> "go1.19–go1.20";
            case 23 -> "go1.23–go1.24";
            default -> "go1." + minor;
        };
    }
}
