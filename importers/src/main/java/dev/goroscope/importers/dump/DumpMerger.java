package dev.goroscope.importers.dump;

import dev.goroscope.model.goroutine.GoroutineArguments;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Merges chunk results, in file order, into one {@link GoroutineDump}: chunk-local frames, stacks and status
 * words are mapped to the dump's tables (a few hundred entries per chunk), then the goroutine columns are copied.
 * A goroutine printed twice (with GOTRACEBACK=crash an M in a system call prints its goroutine again; a log may
 * hold a report twice) is kept once, in the first place it appeared, with the stack of whichever print had one.
 */
final class DumpMerger {
    private static final int MAX_WARNINGS = 100;
    private static final long MAX_BITSET_ID = 1L << 28;

    private final StackTable stacks = new StackTable();
    private final GoroutineDump.Builder builder = new GoroutineDump.Builder(stacks);
    /** Every chunk's argument rows, including those of repeated goroutines; {@link #argumentRow} picks. */
    private final GoroutineArguments.Builder arguments = new GoroutineArguments.Builder();
    private int[] argumentRow = new int[1024];
    private final List<String> warnings = new ArrayList<>();
    /** Ids seen so far, while they are small enough for a bit set and none repeated. */
    private final BitSet seenIds = new BitSet();
    /** Builder index by goroutine id, built at the first repeated (or very large) id. */
    private LongIntMap byId;
    /** Goroutine id by builder index, to build {@link #byId} when needed. */
    private long[] ids = new long[1024];
    /** Builder indexes of goroutines whose stack was unavailable, which a later print of them may supply. */
    private final BitSet noStack = new BitSet();
    private int warningsDropped;
    private long lineBase;
    private List<String> preamble = List.of();

    void add(ChunkResult r) {
        FrameTable localFrames = r.stacks.frames();
        FrameTable globalFrames = stacks.frames();
        int[] frameMap = new int[localFrames.size()];
        for (int f = 0; f < frameMap.length; f++) {
            frameMap[f] = globalFrames.intern(localFrames.functionName(f), localFrames.fileName(f), localFrames.line(f));
        }
        int[] stackMap = new int[r.stacks.size()];
        for (int s = 0; s < stackMap.length; s++) {
            int parent = r.stacks.parent(s);
            stackMap[s] = stacks.push(parent == StackTable.EMPTY ? StackTable.EMPTY : stackMap[parent],
                    frameMap[r.stacks.frame(s)]);
        }
        int statusCount = r.statuses.size();
        GoroutineState[] state = new GoroutineState[statusCount];
        int[] reason = new int[statusCount];
        for (int i = 0; i < statusCount; i++) {
            String word = r.statuses.get(i);
            state[i] = GoroutineState.ofDumpStatus(word);
            reason[i] = GoroutineState.isWaitReason(word) ? builder.waitReasons().intern(word) : -1;
        }
        String[] labelText = new String[r.labelSets.size()];
        for (int i = 0; i < labelText.length; i++) {
            labelText[i] = r.labelSets.get(i);
        }
        int a = 0;
        for (int g = 0; g < r.count; g++) {
            int st = r.status[g];
            int s = r.stack[g] == StackTable.EMPTY ? StackTable.EMPTY : stackMap[r.stack[g]];
            int c = r.createdBy[g] < 0 ? -1 : frameMap[r.createdBy[g]];
            int flags = r.flags[g] & 0xFF;
            int seen = seen(r.id[g], builder.size());
            boolean added = seen < 0;
            if (added) {
                if (s == StackTable.EMPTY) {
                    noStack.set(builder.size());
                }
                builder.add(r.id[g], state[st], reason[st], r.minutes[g], s, c, r.parent[g], flags);
                argumentRow(builder.size() - 1, arguments.goroutineCount() + g);
                if (r.bubble[g] >= 0) {
                    builder.bubble(r.bubble[g]);
                }
                if (r.labels[g] >= 0) {
                    builder.labels(labelText[r.labels[g]]);
                }
            } else if (noStack.get(seen) && s != StackTable.EMPTY) {
                builder.replace(seen, r.id[g], state[st], reason[st], r.minutes[g], s, c, r.parent[g], flags);
                argumentRow(seen, arguments.goroutineCount() + g);
                noStack.clear(seen);
            }
            for (; a < r.ancestorCount && r.ancestorOwner[a] == g; a++) {
                if (added) {
                    int as = r.ancestorStack[a];
                    int ac = r.ancestorCreatedBy[a];
                    builder.ancestor(r.ancestorId[a], as == StackTable.EMPTY ? as : stackMap[as], ac < 0 ? ac : frameMap[ac]);
                }
            }
        }
        arguments.append(r.arguments.build());
        if (!r.preamble.isEmpty()) {
            preamble = r.preamble;
        }
        for (int i = 0; i < r.warnings.size(); i++) {
            warn("line " + (lineBase + r.warningLines.get(i)) + ": " + r.warnings.get(i));
        }
        warningsDropped += r.warningsDropped;
        lineBase += r.lines;
    }

    /**
     * The builder index of goroutine {@code id} if it was added before, else -1 after recording that it will be
     * added at {@code next}. A bit set answers while ids are distinct, which is almost always; the first repeat
     * builds a map.
     */
    private int seen(long id, int next) {
        if (next == ids.length) {
            ids = Arrays.copyOf(ids, next * 2);
        }
        ids[next] = id;
        if (byId == null) {
            if (id >= 0 && id < MAX_BITSET_ID && !seenIds.get((int) id)) {
                seenIds.set((int) id);
                return -1;
            }
            byId = new LongIntMap();
            for (int i = 0; i < next; i++) {
                byId.put(ids[i], i);
            }
        }
        int existing = byId.get(id);
        if (existing < 0) {
            byId.put(id, next);
        }
        return existing;
    }

    private void argumentRow(int goroutine, int row) {
        if (goroutine >= argumentRow.length) {
            argumentRow = Arrays.copyOf(argumentRow, Math.max(goroutine + 1, argumentRow.length * 2));
        }
        argumentRow[goroutine] = row;
    }

    private void warn(String message) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(message);
        } else {
            warningsDropped++;
        }
    }

    int goroutines() {
        return builder.size();
    }

    /** Lines merged so far. */
    long lines() {
        return lineBase;
    }

    List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        if (warningsDropped > 0) {
            all.add(warningsDropped + " more warnings not shown");
        }
        return all;
    }

    List<String> preamble() {
        return preamble;
    }

    GoroutineDump build() {
        return builder.preamble(preamble).arguments(arguments.build().rows(argumentRow, builder.size())).build();
    }
}
