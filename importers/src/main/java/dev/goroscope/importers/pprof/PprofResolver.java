package dev.goroscope.importers.pprof;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportLimits;
import dev.goroscope.importers.support.Checkpoint;
import dev.goroscope.model.profile.Label;
import dev.goroscope.model.profile.LabelSet;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.profile.ProfileMeta;
import dev.goroscope.model.profile.SampleType;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@link RawProfile} and turns it into a {@link Profile}: resolves string indexes, expands each
 * location into its frames (one per line: inlined calls innermost first, as pprof shows them), maps the stacks of
 * location ids to stacks of frames, and resolves label sets. Every dangling reference is an
 * {@link ImportException} naming the byte offset of the message that holds it.
 */
final class PprofResolver {
    /** The pseudo-frame a location gets when it has no function: its address, as pprof's -raw shows it. */
    static String addressFrameName(long address) {
        return "0x" + Long.toHexString(address);
    }

    private static final String RESOLVING = "while resolving the samples";

    private final String file;
    private final RawProfile raw;
    private final ImportLimits limits;
    private final Checkpoint checkpoint;
    private final List<String> warnings = new ArrayList<>();
    private StackTable stacks;
    private int[] stringIds;

    PprofResolver(String file, RawProfile raw, ImportLimits limits, Checkpoint checkpoint) {
        this.file = file;
        this.raw = raw;
        this.limits = limits;
        this.checkpoint = checkpoint;
        this.stacks = raw.stacks;
    }

    List<String> warnings() {
        return warnings;
    }

    Profile resolve() throws ImportException {
        checkpoint.now(RESOLVING);
        checkStringTable();
        List<SampleType> types = sampleTypes();
        int defaultType = defaultSampleType(types);
        if (raw.sampleCount() > 0 && raw.valuesPerSample != types.size()) {
            throw ImportException.atByte(file, raw.firstSampleAt, "the first sample has " + raw.valuesPerSample
                    + " values but the profile has " + types.size() + " sample types");
        }
        int[] sampleStack = sampleStacks();
        long[][] values = valueColumns(types.size());
        List<LabelSet> labelSets = new ArrayList<>();
        int[] sampleLabels = sampleLabels(labelSets);
        ProfileMeta meta = meta();
        String kind = ProfileKinds.infer(types, defaultType, meta.periodType(), stacks, sampleStack);
        return new Profile(kind, types, defaultType, stacks, sampleStack, values, sampleLabels, labelSets, meta);
    }

    private void checkStringTable() throws ImportException {
        if (raw.strings.isEmpty()) {
            throw ImportException.atByte(file, 0, "the profile has no string table: this is not a pprof profile, or a "
                    + "damaged one");
        }
        if (!raw.strings.get(0).isEmpty()) {
            throw ImportException.atByte(file, 0, "the string table must start with an empty string, but starts with \""
                    + abbreviate(raw.strings.get(0)) + "\"");
        }
    }

    private String string(long index, long at, String what) throws ImportException {
        if (index < 0 || index >= raw.strings.size()) {
            throw ImportException.atByte(file, at, what + " refers to string " + index + " but the string table has "
                    + raw.strings.size() + " entries");
        }
        return raw.strings.get((int) index);
    }

    /** The id in the frame table's strings of pprof string {@code index}, interning each string once. */
    private int stringId(long index, long at, String what) throws ImportException {
        String s = string(index, at, what);
        if (stringIds == null) {
            stringIds = new int[raw.strings.size()];
            Arrays.fill(stringIds, -1);
        }
        int i = (int) index;
        if (stringIds[i] < 0) {
            stringIds[i] = stacks.frames().strings().intern(s);
        }
        return stringIds[i];
    }

    private List<SampleType> sampleTypes() throws ImportException {
        List<SampleType> types = new ArrayList<>();
        LongList st = raw.sampleTypes;
        for (int i = 0; i < st.size(); i += 3) {
            long at = st.get(i + 2);
            types.add(new SampleType(string(st.get(i), at, "this sample type"), string(st.get(i + 1), at,
                    "this sample type's unit")));
        }
        if (types.isEmpty()) {
            throw ImportException.atByte(file, 0, "the profile has no sample type, so its samples have no meaning");
        }
        return types;
    }

    /** pprof's rule: the type named by default_sample_type if set, else the last one. */
    private int defaultSampleType(List<SampleType> types) throws ImportException {
        if (raw.defaultSampleType == 0) {
            return types.size() - 1;
        }
        String name = string(raw.defaultSampleType, raw.defaultSampleTypeAt, "default_sample_type");
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).type().equals(name)) {
                return i;
            }
        }
        warnings.add("default sample type \"" + name + "\" is not one of the sample types; showing the last one");
        return types.size() - 1;
    }

    /** The value columns, each list dropped once copied so that at most one column exists twice. */
    private long[][] valueColumns(int typeCount) {
        long[][] values = new long[typeCount][];
        for (int t = 0; t < typeCount; t++) {
            values[t] = raw.values == null ? new long[0] : raw.values[t].toArray();
            if (raw.values != null) {
                raw.values[t] = null;
            }
        }
        return values;
    }

    /**
     * Interns the real frames in frame-key order, so that each frame id equals its key id and the stacks built
     * while decoding stand as they are; completes the deferred samples; and, in the rare profile where two keys
     * name the same frame (two functions of one name and file), maps the stacks onto the real frame ids.
     */
    private int[] sampleStacks() throws ImportException {
        checkLocationFunctions();
        FrameKeys keys = raw.frameKeys;
        int[] keyToFrame = new int[keys.size()];
        boolean remap = false;
        for (int k = 0; k < keyToFrame.length; k++) {
            checkpoint.step(RESOLVING);
            keyToFrame[k] = frame(k);
            remap |= keyToFrame[k] != k;
        }
        int[] out = raw.sampleStack.toArray();
        for (int s = 0; s < out.length; s++) {
            if (out[s] <= -2) {
                checkpoint.step(RESOLVING);
                out[s] = deferredStack(-2 - out[s]);
            }
        }
        if (remap) {
            remap(keyToFrame, out);
        }
        return out;
    }

    private void checkLocationFunctions() throws ImportException {
        IdIndex locations = raw.locations;
        for (int loc = 0; loc < locations.size(); loc++) {
            if (!locations.isDefined(loc)) {
                continue;
            }
            int first = raw.locationFirstFrame.get(loc);
            for (int k = first; k < first + raw.locationFrameCount.get(loc); k++) {
                int fn = raw.frameKeys.functionOf(raw.locationFrames.get(k));
                if (fn != FrameKeys.ADDRESS && !raw.functions.isDefined(fn)) {
                    throw ImportException.atByte(file, locations.definedAt(loc), "location id "
                            + Long.toUnsignedString(locations.id(loc)) + " refers to function id "
                            + Long.toUnsignedString(raw.functions.id(fn)) + ", which the profile does not define");
                }
            }
        }
    }

    /** Interns the frame of key {@code k}. */
    private int frame(int k) throws ImportException {
        FrameKeys keys = raw.frameKeys;
        FrameTable frames = stacks.frames();
        int fn = keys.functionOf(k);
        if (fn != FrameKeys.ADDRESS) {
            long at = raw.functions.definedAt(fn);
            return frames.intern(stringId(raw.functionName.get(fn), at, "this function's name"),
                    stringId(raw.functionFile.get(fn), at, "this function's file name"), (int) keys.valueOf(k));
        }
        int fileId = frames.strings().intern("");
        int m = keys.mappingOf(k);
        if (m >= 0 && raw.mappings.isDefined(m)) {
            fileId = stringId(raw.mappingFile.get(m), raw.mappings.definedAt(m), "this mapping's file name");
        }
        return frames.intern(frames.strings().intern(addressFrameName(keys.valueOf(k))), fileId, 0);
    }

    /** The stack of deferred sample {@code d}, whose locations must all be defined by now. */
    private int deferredStack(int d) throws ImportException {
        int first = raw.deferredFirst.get(d);
        int end = d + 1 < raw.deferredFirst.size() ? raw.deferredFirst.get(d + 1) : raw.deferredLocations.size();
        int stack = StackTable.EMPTY;
        for (int i = end - 1; i >= first; i--) {
            int loc = raw.deferredLocations.get(i);
            if (!raw.locations.isDefined(loc)) {
                throw ImportException.atByte(file, raw.deferredAt.get(d), "this sample refers to location id "
                        + Long.toUnsignedString(raw.locations.id(loc)) + ", which the profile does not define");
            }
            int f = raw.locationFirstFrame.get(loc);
            for (int k = f + raw.locationFrameCount.get(loc) - 1; k >= f; k--) {
                stack = stacks.push(stack, raw.locationFrames.get(k));
            }
        }
        if (stacks.depth(stack) > limits.maxStackDepth()) {
            throw limits.stackTooDeep(file, "byte " + raw.deferredAt.get(d));
        }
        return stack;
    }

    /** Rebuilds the stacks with real frame ids where keys and frames differ. */
    private void remap(int[] keyToFrame, int[] sampleStack) throws ImportException {
        StackTable byKey = stacks;
        StackTable byFrame = new StackTable(byKey.frames());
        int[] node = new int[byKey.size()];
        for (int n = 0; n < node.length; n++) {
            checkpoint.step(RESOLVING);
            int parent = byKey.parent(n);
            node[n] = byFrame.push(parent == StackTable.EMPTY ? StackTable.EMPTY : node[parent],
                    keyToFrame[byKey.frame(n)]);
        }
        for (int s = 0; s < sampleStack.length; s++) {
            sampleStack[s] = sampleStack[s] == StackTable.EMPTY ? StackTable.EMPTY : node[sampleStack[s]];
        }
        stacks = byFrame;
    }

    private int[] sampleLabels(List<LabelSet> sets) throws ImportException {
        RawLabelSets rawSets = raw.labelSets;
        Map<LabelSet, Integer> ids = new HashMap<>();
        sets.add(LabelSet.EMPTY);
        ids.put(LabelSet.EMPTY, 0);
        int[] setOf = new int[rawSets.size()];
        for (int r = 0; r < setOf.length; r++) {
            checkpoint.step(RESOLVING);
            long at = rawSets.firstOffset(r);
            List<Label> labels = new ArrayList<>(rawSets.labelCount(r));
            for (int k = 0; k < rawSets.labelCount(r); k++) {
                String key = string(rawSets.get(r, k, 0), at, "this sample's label key");
                long str = rawSets.get(r, k, 1);
                if (str != 0) {
                    labels.add(Label.of(key, string(str, at, "this sample's label value")));
                } else {
                    labels.add(Label.numeric(key, rawSets.get(r, k, 2), string(rawSets.get(r, k, 3), at,
                            "this sample's label unit")));
                }
            }
            LabelSet set = new LabelSet(labels);
            Integer id = ids.get(set);
            if (id == null) {
                id = sets.size();
                sets.add(set);
                ids.put(set, id);
            }
            setOf[r] = id;
        }
        int[] out = new int[raw.sampleCount()];
        for (int s = 0; s < out.length; s++) {
            int r = raw.sampleLabels.get(s);
            out[s] = r < 0 ? 0 : setOf[r];
        }
        return out;
    }

    private ProfileMeta meta() throws ImportException {
        SampleType periodType = null;
        if (raw.periodTypeAt >= 0) {
            periodType = new SampleType(string(raw.periodTypeType, raw.periodTypeAt, "period_type"),
                    string(raw.periodTypeUnit, raw.periodTypeAt, "period_type's unit"));
        }
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < raw.comments.size(); i += 2) {
            comments.add(string(raw.comments.get(i), raw.comments.get(i + 1), "this comment"));
        }
        return new ProfileMeta(periodType, raw.period, raw.timeNanos, raw.durationNanos,
                string(raw.dropFrames, raw.dropFramesAt, "drop_frames"),
                string(raw.keepFrames, raw.keepFramesAt, "keep_frames"), comments,
                string(raw.docUrl, raw.docUrlAt, "doc_url"));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
