package dev.goroscope.importers.pprof;

import dev.goroscope.model.stack.StackTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A pprof profile as decoded, before anything is resolved: string fields are still indexes into the string
 * table (which Go writes last), and samples refer to locations by id. {@link PprofDecoder} fills it in one pass;
 * {@link PprofResolver} checks and resolves it. Every message keeps the byte offset it was read at, so a
 * problem found late still names where in the file it is.
 */
final class RawProfile {
    /** Field 1: (type, unit, offset) per sample type. */
    final LongList sampleTypes = new LongList(12);
    /** Field 6. */
    final List<String> strings = new ArrayList<>();
    /** Fields 7–10, 12, 14, 15, and the offsets of those that are string indexes. */
    long dropFrames;
    long keepFrames;
    long timeNanos;
    long durationNanos;
    long period;
    long defaultSampleType;
    long docUrl;
    long dropFramesAt;
    long keepFramesAt;
    long defaultSampleTypeAt;
    long docUrlAt;
    /** Field 11: type and unit string indexes; {@code periodTypeAt} is -1 when absent. */
    long periodTypeType;
    long periodTypeUnit;
    long periodTypeAt = -1;
    /** Field 13: (string index, offset) per comment. */
    final LongList comments = new LongList(4);

    /**
     * Samples (field 2). A sample whose locations are all defined when it is read (Go writes each location just
     * before the first sample that uses it) gets its stack of frames at once, in {@link #stacks}, whose frame ids
     * are {@link #frameKeys} ids until the resolver interns the real frames. A sample met before some of its
     * locations is deferred: its location indexes wait in {@link #deferredLocations} and its stack entry is
     * {@code -2 - d} for deferred sample {@code d}.
     */
    final StackTable stacks = new StackTable();
    final FrameKeys frameKeys = new FrameKeys();
    final IntList sampleStack = new IntList(1024);
    final IntList deferredFirst = new IntList(16);
    final IntList deferredLocations = new IntList(64);
    final LongList deferredAt = new LongList(16);
    /** Raw label set id per sample, -1 for none. */
    final IntList sampleLabels = new IntList(1024);
    final RawLabelSets labelSets = new RawLabelSets();
    /** Values per column: {@code valuesPerSample} columns, made when the first sample is read. */
    LongList[] values;
    int valuesPerSample = -1;
    long firstSampleAt = -1;

    /** Locations (field 4) by index: their frame keys, innermost first, as a run in {@link #locationFrames}. */
    final IdIndex locations = new IdIndex();
    final IntList locationFirstFrame = new IntList(256);
    final IntList locationFrameCount = new IntList(256);
    final IntList locationFrames = new IntList(512);

    /** Functions (field 5) by index: name and file name as string indexes. */
    final IdIndex functions = new IdIndex();
    final LongList functionName = new LongList(256);
    final LongList functionFile = new LongList(256);

    /** Mappings (field 3) by index: file name and build id as string indexes. */
    final IdIndex mappings = new IdIndex();
    final LongList mappingFile = new LongList(8);
    final LongList mappingBuildId = new LongList(8);

    int sampleCount() {
        return sampleStack.size();
    }
}
