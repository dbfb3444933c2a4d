package dev.goroscope.importers.chrometrace;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.support.Checkpoint;
import dev.goroscope.importers.support.CharSliceTable;
import dev.goroscope.importers.support.Json;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Streams the events of a Chrome trace-event file into per-thread columns, keeping only what the importer uses:
 * B/E/X duration events and the M metadata that names processes and threads. Other phases are counted and
 * dropped. Memory grows with the duration events, not with the file.
 */
final class TraceEventReader {
    static final String UNNAMED = "(unnamed)";
    private static final String MISSING_ID = "?";

    final CharSliceTable names = new CharSliceTable();
    final CharSliceTable ids = new CharSliceTable();
    final Map<Long, ThreadEvents> threads = new LinkedHashMap<>();
    final Map<Integer, String> processNames = new HashMap<>();
    final Map<Long, String> threadNames = new HashMap<>();
    final Map<Integer, Long> processSortIndex = new HashMap<>();
    final Map<Long, Long> threadSortIndex = new HashMap<>();
    final long[] ignoredByPhase = new long[128];
    long withoutTime;
    long withoutDuration;
    long withoutPhase;
    boolean missingClosingBracket;
    /** The object form had CPU samples ({@code "samples"} with {@code "stackFrames"}), which are not read. */
    boolean hasSamples;

    private final String file;
    private final JsonParser p;
    private final Checkpoint checkpoint;
    private final LongSupplier offset;
    private final int unnamed;
    private long lastKey = -1;
    private ThreadEvents lastThread;

    private byte ph;
    private int nameId;
    private boolean hasTime;
    private long ts;
    private boolean hasDur;
    private long dur;
    private boolean hasThreadDur;
    private long threadDur;
    private int pid;
    private int tid;
    private String argName;
    private Long argSortIndex;

    TraceEventReader(String file, JsonParser p, Checkpoint checkpoint) {
        this.file = file;
        this.p = p;
        this.checkpoint = checkpoint;
        this.offset = () -> p.currentLocation().getByteOffset();
        this.unnamed = names.intern(UNNAMED);
    }

    void read() throws IOException, ImportException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw ImportException.atByte(file, 0, "the file is empty");
        }
        if (first == JsonToken.START_ARRAY) {
            readEvents(true);
        } else if (first == JsonToken.START_OBJECT) {
            boolean found = false;
            while (Json.next(file, p) == JsonToken.FIELD_NAME) {
                if (p.currentName().equals("traceEvents")) {
                    if (Json.next(file, p) != JsonToken.START_ARRAY) {
                        throw Json.error(file, p, "\"traceEvents\" must be an array of events");
                    }
                    readEvents(false);
                    found = true;
                } else {
                    hasSamples |= p.currentName().equals("samples");
                    Json.next(file, p);
                    p.skipChildren();
                }
            }
            if (!found) {
                throw new ImportException(file, "", "no \"traceEvents\" in the JSON object: not a Chrome trace");
            }
        } else {
            throw Json.error(file, p, "expected a JSON array of trace events or an object with \"traceEvents\"");
        }
        if (!missingClosingBracket && p.nextToken() != null) {
            throw Json.error(file, p, "more content after the end of the trace");
        }
    }

    /** Reads events up to the closing {@code ]}, which a bare array may lack (the format allows it). */
    private void readEvents(boolean bareArray) throws IOException, ImportException {
        while (true) {
            JsonToken t;
            try {
                t = p.nextToken();
            } catch (JsonParseException e) {
                if (!bareArray || !endOfInput(e)) {
                    throw e;
                }
                t = null;
            }
            if (t == null) {
                if (!bareArray) {
                    throw Json.error(file, p, "the JSON ends inside \"traceEvents\"");
                }
                missingClosingBracket = true;
                return;
            }
            if (t == JsonToken.END_ARRAY) {
                return;
            }
            if (t != JsonToken.START_OBJECT) {
                throw Json.error(file, p, "a trace event must be an object like {\"ph\": \"X\", \"ts\": 0, ...}");
            }
            readEvent();
            checkpoint.tick(offset);
        }
    }

    /** Whether Jackson stopped because the input ended (between events, where a bare array may end). */
    private static boolean endOfInput(JsonParseException e) {
        return e instanceof JsonEOFException || e.getOriginalMessage().startsWith("Unexpected end-of-input");
    }

    private void readEvent() throws IOException, ImportException {
        ph = 0;
        nameId = -1;
        hasTime = false;
        hasDur = false;
        hasThreadDur = false;
        pid = -1;
        tid = -1;
        argName = null;
        argSortIndex = null;
        while (Json.next(file, p) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = Json.next(file, p);
            switch (key) {
                case "ph" -> ph = phase(v);
                case "name" -> nameId = v == JsonToken.VALUE_NULL ? -1 : names.intern(text(v, "name"), p.getTextOffset(),
                        p.getTextOffset() + p.getTextLength());
                case "ts" -> {
                    ts = micros(v, "ts");
                    hasTime = true;
                }
                case "dur" -> {
                    dur = micros(v, "dur");
                    hasDur = true;
                }
                case "tdur" -> {
                    threadDur = micros(v, "tdur");
                    hasThreadDur = true;
                }
                case "pid" -> pid = id(v, "pid");
                case "tid" -> tid = id(v, "tid");
                case "args" -> readArgs(v);
                default -> p.skipChildren();
            }
        }
        switch (ph) {
            case 'B', 'E', 'X' -> addDuration();
            case 'M' -> addMetadata();
            case 0 -> withoutPhase++;
            default -> ignoredByPhase[ph]++;
        }
    }

    private void addDuration() throws ImportException {
        if (!hasTime) {
            withoutTime++;
            return;
        }
        ThreadEvents thread = thread();
        if (ph == 'B') {
            thread.add(ThreadEvents.BEGIN, ts, ts, nameId < 0 ? unnamed : nameId);
        } else if (ph == 'E') {
            thread.add(ThreadEvents.END, ts, ts, nameId < 0 ? ThreadEvents.ANY_NAME : nameId);
        } else {
            long d = hasDur ? dur : hasThreadDur ? threadDur : -1;
            if (d < 0) {
                withoutDuration++;
                return;
            }
            long end = ts + d;
            if (end < ts) {
                throw Json.error(file, p, "the event ends after the largest time a trace can hold");
            }
            thread.add(ThreadEvents.COMPLETE, ts, end, nameId < 0 ? unnamed : nameId);
        }
    }

    private void addMetadata() {
        if (nameId < 0) {
            return;
        }
        int pidId = pid < 0 ? ids.intern(MISSING_ID) : pid;
        switch (names.string(nameId)) {
            case "process_name" -> putIfPresent(processNames, pidId, argName);
            case "thread_name" -> putIfPresent(threadNames, key(pidId, tidOrMissing()), argName);
            case "process_sort_index" -> putIfPresent(processSortIndex, pidId, argSortIndex);
            case "thread_sort_index" -> putIfPresent(threadSortIndex, key(pidId, tidOrMissing()), argSortIndex);
            default -> ignoredByPhase['M']++;
        }
    }

    private static <K, V> void putIfPresent(Map<K, V> map, K key, V value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private ThreadEvents thread() {
        int pidId = pid < 0 ? ids.intern(MISSING_ID) : pid;
        int tidId = tidOrMissing();
        long key = key(pidId, tidId);
        if (key != lastKey) {
            lastThread = threads.computeIfAbsent(key, k -> new ThreadEvents(pidId, tidId, ids.string(pidId), ids.string(tidId)));
            lastKey = key;
        }
        return lastThread;
    }

    private int tidOrMissing() {
        return tid < 0 ? ids.intern(MISSING_ID) : tid;
    }

    static long key(int pidId, int tidId) {
        return ((long) pidId << 32) | (tidId & 0xffffffffL);
    }

    /** Keeps {@code name} and {@code sort_index} of an args object: what metadata events carry. */
    private void readArgs(JsonToken v) throws IOException, ImportException {
        if (v != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (Json.next(file, p) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken a = Json.next(file, p);
            if (key.equals("name") && a == JsonToken.VALUE_STRING) {
                argName = p.getText();
            } else if (key.equals("sort_index") && a == JsonToken.VALUE_NUMBER_INT) {
                argSortIndex = p.getValueAsLong();
            } else {
                p.skipChildren();
            }
        }
    }

    private byte phase(JsonToken v) throws IOException, ImportException {
        char[] c = text(v, "ph");
        if (p.getTextLength() == 0) {
            throw Json.error(file, p, "\"ph\" must be a one-letter phase such as \"X\"");
        }
        char f = c[p.getTextOffset()];
        return f < 128 ? (byte) f : (byte) '?';
    }

    private char[] text(JsonToken v, String what) throws IOException, ImportException {
        if (v != JsonToken.VALUE_STRING) {
            throw Json.error(file, p, '"' + what + "\" must be a string");
        }
        return p.getTextCharacters();
    }

    /** A time in microseconds as nanoseconds; some writers (Hermes) put the number in a string. */
    private long micros(JsonToken v, String what) throws IOException, ImportException {
        if (!v.isNumeric() && v != JsonToken.VALUE_STRING) {
            throw Json.error(file, p, '"' + what + "\" must be a number of microseconds");
        }
        try {
            return Json.scaled(p, 3);
        } catch (NumberFormatException e) {
            throw Json.error(file, p, '"' + what + "\" must be a number of microseconds");
        } catch (ArithmeticException e) {
            throw Json.error(file, p, '"' + what + "\" is too large");
        }
    }

    private int id(JsonToken v, String what) throws IOException, ImportException {
        if (v == JsonToken.VALUE_NULL) {
            return -1;
        }
        if (v != JsonToken.VALUE_STRING && !v.isNumeric()) {
            throw Json.error(file, p, '"' + what + "\" must be a number or a string");
        }
        int off = p.getTextOffset();
        return ids.intern(p.getTextCharacters(), off, off + p.getTextLength());
    }
}
