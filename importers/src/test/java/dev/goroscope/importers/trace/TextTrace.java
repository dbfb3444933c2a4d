package dev.goroscope.importers.trace;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Turns the text form of v2 traces used by Go's reader tests (golang.org/x/exp trace/internal/raw: a
 * {@code Trace Go1.N} line, then one event per line as {@code Name arg=value ...}, stack frames and string data on
 * the following lines) into the binary form, so the txtar conformance cases run through our binary reader.
 */
final class TextTrace {
    private static final Map<String, Integer> TYPES = Map.ofEntries(Map.entry("EventBatch", 1), Map.entry("Stacks", 2),
            Map.entry("Stack", 3), Map.entry("Strings", 4), Map.entry("String", 5), Map.entry("CPUSamples", 6),
            Map.entry("CPUSample", 7), Map.entry("Frequency", 8), Map.entry("ProcsChange", 9),
            Map.entry("ProcStart", 10), Map.entry("ProcStop", 11), Map.entry("ProcSteal", 12),
            Map.entry("ProcStatus", 13), Map.entry("GoCreate", 14), Map.entry("GoCreateSyscall", 15),
            Map.entry("GoStart", 16), Map.entry("GoDestroy", 17), Map.entry("GoDestroySyscall", 18),
            Map.entry("GoStop", 19), Map.entry("GoBlock", 20), Map.entry("GoUnblock", 21),
            Map.entry("GoSyscallBegin", 22), Map.entry("GoSyscallEnd", 23), Map.entry("GoSyscallEndBlocked", 24),
            Map.entry("GoStatus", 25), Map.entry("STWBegin", 26), Map.entry("STWEnd", 27), Map.entry("GCActive", 28),
            Map.entry("GCBegin", 29), Map.entry("GCEnd", 30), Map.entry("GCSweepActive", 31),
            Map.entry("GCSweepBegin", 32), Map.entry("GCSweepEnd", 33), Map.entry("GCMarkAssistActive", 34),
            Map.entry("GCMarkAssistBegin", 35), Map.entry("GCMarkAssistEnd", 36), Map.entry("HeapAlloc", 37),
            Map.entry("HeapGoal", 38), Map.entry("GoLabel", 39), Map.entry("UserTaskBegin", 40),
            Map.entry("UserTaskEnd", 41), Map.entry("UserRegionBegin", 42), Map.entry("UserRegionEnd", 43),
            Map.entry("UserLog", 44), Map.entry("GoSwitch", 45), Map.entry("GoSwitchDestroy", 46),
            Map.entry("GoCreateBlocked", 47), Map.entry("GoStatusStack", 48), Map.entry("ExperimentalBatch", 49),
            Map.entry("Sync", 50), Map.entry("ClockSnapshot", 51), Map.entry("EndOfGeneration", 52));

    private TextTrace() {
    }

    /** The binary trace for the text of a {@code -- trace --} section. */
    static byte[] toBinary(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] lines = text.split("\n");
        int i = 0;
        while (lines[i].isBlank()) {
            i++;
        }
        String[] head = lines[i++].trim().split("\\s+");
        if (!head[0].equals("Trace") || !head[1].startsWith("Go1.")) {
            throw new IllegalArgumentException("no Trace header: " + lines[0]);
        }
        byte[] h = new byte[16];
        byte[] hs = ("go 1." + head[1].substring(4) + " trace").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hs, 0, h, 0, hs.length);
        out.write(h, 0, 16);
        for (; i < lines.length; i++) {
            String line = stripComment(lines[i]).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] tok = line.split("\\s+");
            Integer type = TYPES.get(tok[0]);
            if (type == null) {
                throw new IllegalArgumentException("unknown event " + tok[0]);
            }
            out.write(type);
            for (int k = 1; k < tok.length; k++) {
                if (type == 49 && k == 1) {
                    out.write(Integer.parseInt(value(tok[k])));
                } else {
                    uvarint(out, Long.parseUnsignedLong(value(tok[k])));
                }
            }
            if (type == 3) {
                int n = Integer.parseInt(value(tok[2]));
                for (int f = 0; f < n; f++) {
                    for (String arg : stripComment(lines[++i]).trim().split("\\s+")) {
                        uvarint(out, Long.parseUnsignedLong(value(arg)));
                    }
                }
            }
            if (type == 5 || type == 49) {
                String d = lines[++i].trim();
                byte[] data = GoQuoted.unquote(d, d.indexOf('"'));
                uvarint(out, data.length);
                out.write(data, 0, data.length);
            }
        }
        return out.toByteArray();
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 || line.contains("data=") ? line : line.substring(0, hash);
    }

    private static String value(String arg) {
        int eq = arg.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("malformed argument " + arg);
        }
        return arg.substring(eq + 1);
    }

    static void uvarint(ByteArrayOutputStream out, long v) {
        while (Long.compareUnsigned(v, 0x80) >= 0) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }
}
