package dev.goroscope.importers.pprof;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportLimits;
import dev.goroscope.importers.Progress;
import dev.goroscope.importers.pprof.proto.PprofProto;
import dev.goroscope.model.stack.StackTable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Streams over the top-level fields of a pprof {@code Profile} message, decoding samples one by one into
 * primitive arrays (a profile can be hundreds of megabytes: it is never held whole, as bytes or as objects) and
 * the small messages (locations, functions, mappings) with the generated classes. Fields may come in any order
 * and repeated numbers packed or not, as the format allows. Produces a {@link RawProfile}; nothing is resolved.
 */
final class PprofDecoder {
    private static final ExtensionRegistryLite NO_EXTENSIONS = ExtensionRegistryLite.getEmptyRegistry();
    private static final int BUFFER = 1 << 16;
    /** CodedInputStream counts bytes in an int; its counter is reset between top-level fields past this. */
    private static final long RESET_COUNTER_AT = 1L << 30;
    private static final int PROGRESS_EVERY = 1 << 14;
    private static final int PUSH_CACHE = 1 << 16;
    private static final String[] FIELD_NAMES = {"field 0", "sample_type", "sample", "mapping", "location",
        "function", "string_table", "drop_frames", "keep_frames", "time_nanos", "duration_nanos", "period_type",
        "period", "comment", "default_sample_type", "doc_url"};

    private final String file;
    private final Progress progress;
    private final long length;
    private final ImportLimits limits;
    private final RawProfile raw = new RawProfile();
    private CodedInputStream in;
    private long base;
    private String field = "the profile";
    private long fieldAt;
    private final int[] cachedParent = new int[PUSH_CACHE];
    private final int[] cachedFrame = new int[PUSH_CACHE];
    private final int[] cachedNode = filled(PUSH_CACHE, -1);
    private long[] locationIds = new long[128];
    private int[] locationIndexes = new int[128];
    private long[] sampleValues = new long[8];
    private long[] labels = new long[8 * RawLabelSets.LABEL];

    /**
     * @param file     the name used in messages
     * @param progress told of the bytes read every few thousand samples
     * @param length   the content's length for progress, -1 when unknown
     * @param limits   the most strings and the deepest stack the profile may have
     */
    PprofDecoder(String file, Progress progress, long length, ImportLimits limits) {
        this.file = file;
        this.progress = progress;
        this.length = length;
        this.limits = limits;
    }

    /** Decodes the whole stream. */
    RawProfile decode(InputStream stream) throws ImportException {
        in = CodedInputStream.newInstance(stream, BUFFER);
        try {
            while (true) {
                if (in.getTotalBytesRead() > RESET_COUNTER_AT) {
                    base += in.getTotalBytesRead();
                    in.resetSizeCounter();
                }
                fieldAt = offset();
                field = "the profile";
                int tag = in.readTag();
                if (tag == 0) {
                    break;
                }
                topLevel(tag);
            }
        } catch (InvalidProtocolBufferException e) {
            throw ImportException.atByte(file, fieldAt, problem(e));
        } catch (EOFException e) {
            throw ImportException.atByte(file, fieldAt, "the compressed stream is cut off inside this " + field);
        } catch (IOException e) {
            throw ImportException.atByte(file, fieldAt, "cannot read this " + field + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return raw;
    }

    private void topLevel(int tag) throws IOException, ImportException {
        int number = WireFormat.getTagFieldNumber(tag);
        int wire = WireFormat.getTagWireType(tag);
        field = number < FIELD_NAMES.length ? FIELD_NAMES[number] : "unknown field " + number;
        switch (number) {
            case 1 -> {
                expect(wire, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                PprofProto.ValueType vt = in.readMessage(PprofProto.ValueType.parser(), NO_EXTENSIONS);
                raw.sampleTypes.add(vt.getType());
                raw.sampleTypes.add(vt.getUnit());
                raw.sampleTypes.add(fieldAt);
            }
            case 2 -> {
                expect(wire, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                sample();
            }
            case 3 -> {
                expect(wire, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                mapping(in.readMessage(PprofProto.Mapping.parser(), NO_EXTENSIONS));
            }
            case 4 -> {
                expect(wire, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                location(in.readMessage(PprofProto.Location.parser(), NO_EXTENSIONS));
            }
            case 5 -> {
                expect(wire, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                function(in.readMessage(PprofProto.Function.parser(), NO_EXTENSIONS));
            }
            case 6 -> {
                expect(wire, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                if (raw.strings.size() == limits.maxStrings()) {
                    throw limits.tooManyStrings(file, "byte " + fieldAt);
                }
                raw.strings.add(in.readString());
            }
            case 7 -> {
                raw.dropFrames = varint(wire);
                raw.dropFramesAt = fieldAt;
            }
            case 8 -> {
                raw.keepFrames = varint(wire);
                raw.keepFramesAt = fieldAt;
            }
            case 9 -> raw.timeNanos = varint(wire);
            case 10 -> raw.durationNanos = varint(wire);
            case 11 -> {
                expect(wire, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                PprofProto.ValueType vt = in.readMessage(PprofProto.ValueType.parser(), NO_EXTENSIONS);
                raw.periodTypeType = vt.getType();
                raw.periodTypeUnit = vt.getUnit();
                raw.periodTypeAt = fieldAt;
            }
            case 12 -> raw.period = varint(wire);
            case 13 -> comments(wire);
            case 14 -> {
                raw.defaultSampleType = varint(wire);
                raw.defaultSampleTypeAt = fieldAt;
            }
            case 15 -> {
                raw.docUrl = varint(wire);
                raw.docUrlAt = fieldAt;
            }
            default -> in.skipField(tag);
        }
    }

    private void sample() throws IOException, ImportException {
        int outer = in.pushLimit(in.readRawVarint32());
        int locationCount = 0;
        int valueCount = 0;
        int labelLongs = 0;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int wire = WireFormat.getTagWireType(tag);
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    field = "sample.location_id";
                    if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        int limit = in.pushLimit(in.readRawVarint32());
                        while (!in.isAtEnd()) {
                            locationIds = add(locationIds, locationCount++, in.readRawVarint64());
                        }
                        in.popLimit(limit);
                    } else {
                        locationIds = add(locationIds, locationCount++, varint(wire));
                    }
                }
                case 2 -> {
                    field = "sample.value";
                    if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        int limit = in.pushLimit(in.readRawVarint32());
                        while (!in.isAtEnd()) {
                            sampleValues = add(sampleValues, valueCount++, in.readRawVarint64());
                        }
                        in.popLimit(limit);
                    } else {
                        sampleValues = add(sampleValues, valueCount++, varint(wire));
                    }
                }
                case 3 -> {
                    field = "sample.label";
                    expect(wire, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    labelLongs = label(labelLongs);
                }
                default -> in.skipField(tag);
            }
        }
        in.popLimit(outer);
        field = "sample";
        addSample(locationCount, valueCount, labelLongs);
    }

    /** Decodes one label into {@link #labels} at {@code at}; returns the new end (labels pprof drops are skipped). */
    private int label(int at) throws IOException, ImportException {
        int limit = in.pushLimit(in.readRawVarint32());
        long key = 0;
        long str = 0;
        long num = 0;
        long unit = 0;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int wire = WireFormat.getTagWireType(tag);
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> key = varint(wire);
                case 2 -> str = varint(wire);
                case 3 -> num = varint(wire);
                case 4 -> unit = varint(wire);
                default -> in.skipField(tag);
            }
        }
        in.popLimit(limit);
        if (str == 0 && num == 0 && unit == 0) {
            return at;
        }
        if (at + RawLabelSets.LABEL > labels.length) {
            labels = Arrays.copyOf(labels, labels.length * 2);
        }
        labels[at] = key;
        labels[at + 1] = str;
        labels[at + 2] = num;
        labels[at + 3] = unit;
        return at + RawLabelSets.LABEL;
    }

    private void addSample(int locationCount, int valueCount, int labelLongs) throws ImportException {
        if (raw.valuesPerSample < 0) {
            raw.valuesPerSample = valueCount;
            raw.firstSampleAt = fieldAt;
            raw.values = new LongList[valueCount];
            for (int i = 0; i < valueCount; i++) {
                raw.values[i] = new LongList(1024);
            }
        } else if (valueCount != raw.valuesPerSample) {
            throw ImportException.atByte(file, fieldAt, "this sample has " + valueCount + " values but the first one (at byte "
                    + raw.firstSampleAt + ") has " + raw.valuesPerSample);
        }
        for (int i = 0; i < valueCount; i++) {
            raw.values[i].add(sampleValues[i]);
        }
        boolean allDefined = true;
        for (int i = 0; i < locationCount; i++) {
            int index = raw.locations.indexOf(locationIds[i]);
            locationIndexes = add(locationIndexes, i, index);
            allDefined &= raw.locations.isDefined(index);
        }
        if (allDefined) {
            int stack = StackTable.EMPTY;
            for (int i = locationCount - 1; i >= 0; i--) {
                int loc = locationIndexes[i];
                int first = raw.locationFirstFrame.get(loc);
                for (int k = first + raw.locationFrameCount.get(loc) - 1; k >= first; k--) {
                    stack = push(stack, raw.locationFrames.get(k));
                }
            }
            if (raw.stacks.depth(stack) > limits.maxStackDepth()) {
                throw limits.stackTooDeep(file, "byte " + fieldAt);
            }
            raw.sampleStack.add(stack);
        } else {
            raw.sampleStack.add(-2 - raw.deferredFirst.size());
            raw.deferredFirst.add(raw.deferredLocations.size());
            raw.deferredAt.add(fieldAt);
            for (int i = 0; i < locationCount; i++) {
                raw.deferredLocations.add(locationIndexes[i]);
            }
        }
        raw.sampleLabels.add(labelLongs == 0 ? -1 : raw.labelSets.intern(labels, labelLongs, fieldAt));
        if (raw.sampleCount() % PROGRESS_EVERY == 0) {
            progress.update(offset(), length);
            if (progress.cancelled()) {
                throw ImportException.atByte(file, offset(), "cancelled");
            }
        }
    }

    /**
     * {@link StackTable#push} through a small direct-mapped cache: most samples share their outer frames, whose
     * nodes the cache holds, so the big table (hundreds of megabytes for a large profile) is probed mostly for the
     * inner frames. Node ids never change, so a cached entry stays right.
     */
    private int push(int parent, int frame) {
        int h = parent * 0x9E3779B1 + frame * 0x85EBCA6B;
        int i = (h ^ (h >>> 16)) & (PUSH_CACHE - 1);
        if (cachedParent[i] == parent && cachedFrame[i] == frame && cachedNode[i] >= 0) {
            return cachedNode[i];
        }
        int node = raw.stacks.push(parent, frame);
        cachedParent[i] = parent;
        cachedFrame[i] = frame;
        cachedNode[i] = node;
        return node;
    }

    private void location(PprofProto.Location loc) throws ImportException {
        int index = define(raw.locations, loc.getId(), "location");
        int mapping = loc.getMappingId() == 0 ? -1 : raw.mappings.indexOf(loc.getMappingId());
        raw.locationFirstFrame.put(index, raw.locationFrames.size(), 0);
        for (PprofProto.Line line : loc.getLineList()) {
            long fn = line.getFunctionId();
            raw.locationFrames.add(fn == 0 ? raw.frameKeys.address(loc.getAddress(), mapping)
                    : raw.frameKeys.function(raw.functions.indexOf(fn), line.getLine()));
        }
        if (loc.getLineCount() == 0) {
            raw.locationFrames.add(raw.frameKeys.address(loc.getAddress(), mapping));
        }
        raw.locationFrameCount.put(index, Math.max(loc.getLineCount(), 1), 0);
    }

    private void function(PprofProto.Function fn) throws ImportException {
        int index = define(raw.functions, fn.getId(), "function");
        raw.functionName.put(index, fn.getName(), 0);
        raw.functionFile.put(index, fn.getFilename(), 0);
    }

    private void mapping(PprofProto.Mapping m) throws ImportException {
        int index = define(raw.mappings, m.getId(), "mapping");
        raw.mappingFile.put(index, m.getFilename(), 0);
        raw.mappingBuildId.put(index, m.getBuildId(), 0);
    }

    private int define(IdIndex index, long id, String what) throws ImportException {
        if (id == 0) {
            throw ImportException.atByte(file, fieldAt, "this " + what + " has id 0; ids must be nonzero");
        }
        int i = index.define(id, fieldAt);
        if (i < 0) {
            throw ImportException.atByte(file, fieldAt, what + " id " + Long.toUnsignedString(id) + " is defined twice");
        }
        return i;
    }

    private void comments(int wire) throws IOException, ImportException {
        if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int limit = in.pushLimit(in.readRawVarint32());
            while (!in.isAtEnd()) {
                raw.comments.add(in.readRawVarint64());
                raw.comments.add(fieldAt);
            }
            in.popLimit(limit);
        } else {
            raw.comments.add(varint(wire));
            raw.comments.add(fieldAt);
        }
    }

    private long varint(int wire) throws IOException, ImportException {
        expect(wire, WireFormat.WIRETYPE_VARINT);
        return in.readRawVarint64();
    }

    private void expect(int wire, int expected) throws ImportException {
        if (wire != expected) {
            throw ImportException.atByte(file, fieldAt, field + " has wire type " + wireName(wire) + ", expected "
                    + wireName(expected) + ": this is not a pprof profile, or a damaged one");
        }
    }

    private static String wireName(int wire) {
        return switch (wire) {
            case WireFormat.WIRETYPE_VARINT -> "varint";
            case WireFormat.WIRETYPE_FIXED64 -> "fixed64";
            case WireFormat.WIRETYPE_LENGTH_DELIMITED -> "length-delimited";
            case WireFormat.WIRETYPE_START_GROUP -> "start-group";
            case WireFormat.WIRETYPE_END_GROUP -> "end-group";
            case WireFormat.WIRETYPE_FIXED32 -> "fixed32";
            default -> Integer.toString(wire);
        };
    }

    /** Says in words what protobuf-java's message means; the offset is where the field being read starts. */
    private String problem(InvalidProtocolBufferException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.startsWith("While parsing a protocol message, the input ended unexpectedly")) {
            return "the profile is cut off inside this " + field + " (or a length in it is wrong)";
        }
        if (m.startsWith("Protocol message was too large")) {
            return "a length in this " + field + " is larger than anything a profile can hold";
        }
        if (m.contains("claimed to have negative size")) {
            return "a length in this " + field + " is negative";
        }
        return "this " + field + " is not valid protobuf (" + m + "): this is not a pprof profile, or a damaged one";
    }

    private long offset() {
        return base + (in == null ? 0 : in.getTotalBytesRead());
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    private static long[] add(long[] a, int i, long v) {
        long[] out = i < a.length ? a : Arrays.copyOf(a, a.length * 2);
        out[i] = v;
        return out;
    }

    private static int[] add(int[] a, int i, int v) {
        int[] out = i < a.length ? a : Arrays.copyOf(a, a.length * 2);
        out[i] = v;
        return out;
    }
}
