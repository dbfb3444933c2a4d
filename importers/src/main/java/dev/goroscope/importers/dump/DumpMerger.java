package dev.goroscope.importers.dump;

import dev.goroscope.model.goroutine.GoroutineArguments;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges chunk results, in file order, into one {@link GoroutineDump}: chunk-local frames, stacks and status
 * words are mapped to the dump's tables (a few hundred entries per chunk), then the goroutine columns are copied.
 */
final class DumpMerger {
    private static final int MAX_WARNINGS = 100;

    private final StackTable stacks = new StackTable();
    private final GoroutineDump.Builder builder = new GoroutineDump.Builder(stacks);
    private final GoroutineArguments.Builder arguments = new GoroutineArguments.Builder();
    private final List<String> warnings = new ArrayList<>();
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
        int a = 0;
        for (int g = 0; g < r.count; g++) {
            int st = r.status[g];
            int s = r.stack[g];
            int c = r.createdBy[g];
            builder.add(r.id[g], state[st], reason[st], r.minutes[g], s == StackTable.EMPTY ? s : stackMap[s],
                    c < 0 ? c : frameMap[c], r.parent[g], r.flags[g] & 0xFF);
            if (r.bubble[g] >= 0) {
                builder.bubble(r.bubble[g]);
            }
            for (; a < r.ancestorCount && r.ancestorOwner[a] == g; a++) {
                int as = r.ancestorStack[a];
                int ac = r.ancestorCreatedBy[a];
                builder.ancestor(r.ancestorId[a], as == StackTable.EMPTY ? as : stackMap[as], ac < 0 ? ac : frameMap[ac]);
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
        return builder.preamble(preamble).arguments(arguments.build()).build();
    }
}
