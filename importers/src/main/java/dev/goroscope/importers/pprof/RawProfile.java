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
     * Samples (field 2): each sample's location ids, interned as stacks whose "frames" are location indexes of
     * {@link #locations}, outermost first like any {@link StackTable}.
     */
    final StackTable locationStacks = new StackTable();
    final IntList sampleStack = new IntList(1024);
    /** Raw label set id per sample, -1 for none. */
    final IntList sampleLabels = new IntList(1024);
    final RawLabelSets labelSets = new RawLabelSets();
    /** All values, {@code valuesPerSample} per sample. */
    final LongList values = new LongList(2048);
    int valuesPerSample = -1;
    long firstSampleAt = -1;

    /** Locations (field 4) by index: mapping id, address, and their lines as a run in the line lists. */
    final IdIndex locations = new IdIndex();
    final LongList locationMapping = new LongList(256);
    final LongList locationAddress = new LongList(256);
    final IntList locationFirstLine = new IntList(256);
    final IntList locationLineCount = new IntList(256);
    /** Lines of all locations: function index (-1 when the line names no function) and line number. */
    final IntList lineFunction = new IntList(512);
    final LongList lineNumber = new LongList(512);

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
