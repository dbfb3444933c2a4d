package dev.goroscope.importers.dump;

import dev.goroscope.model.goroutine.GoroutineArguments;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.StringTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The goroutines of one chunk, as columns over chunk-local tables (frames, stacks, status words), ready to be
 * merged into the dump's tables. Line numbers are relative to the chunk's first line.
 */
final class ChunkResult {
    final StackTable stacks = new StackTable();
    /** Status words as the headers spell them ("chan receive", "running"); {@link #status} indexes it. */
    final StringTable statuses = new StringTable();
    /** Label sets as the headers print them; {@link #labels} indexes it. */
    final StringTable labelSets = new StringTable();
    /** The argument words of each goroutine's frames, one row per goroutine added. */
    final GoroutineArguments.Builder arguments = new GoroutineArguments.Builder();
    final List<String> warnings = new ArrayList<>();
    final List<Integer> warningLines = new ArrayList<>();
    int warningsDropped;
    List<String> preamble = List.of();
    /** Number of lines in the chunk. */
    int lines;

    int count;
    long[] id = new long[256];
    int[] status = new int[256];
    int[] minutes = new int[256];
    int[] stack = new int[256];
    int[] createdBy = new int[256];
    long[] parent = new long[256];
    byte[] flags = new byte[256];
    long[] bubble = new long[256];
    int[] labels = new int[256];

    int ancestorCount;
    int[] ancestorOwner = new int[16];
    long[] ancestorId = new long[16];
    int[] ancestorStack = new int[16];
    int[] ancestorCreatedBy = new int[16];

    private static final int MAX_WARNINGS = 20;

    void add(long goroutineId, int statusId, int waitMinutes, int stackId, int createdByFrame, long parentId,
            int flagBits, long bubbleId, int labelSet) {
        if (count == id.length) {
            int n = count * 2;
            id = Arrays.copyOf(id, n);
            status = Arrays.copyOf(status, n);
            minutes = Arrays.copyOf(minutes, n);
            stack = Arrays.copyOf(stack, n);
            createdBy = Arrays.copyOf(createdBy, n);
            parent = Arrays.copyOf(parent, n);
            flags = Arrays.copyOf(flags, n);
            bubble = Arrays.copyOf(bubble, n);
            labels = Arrays.copyOf(labels, n);
        }
        id[count] = goroutineId;
        status[count] = statusId;
        minutes[count] = waitMinutes;
        stack[count] = stackId;
        createdBy[count] = createdByFrame;
        parent[count] = parentId;
        flags[count] = (byte) flagBits;
        bubble[count] = bubbleId;
        labels[count] = labelSet;
        count++;
    }

    /** Adds an ancestor of the goroutine added last. */
    void addAncestor(long goroutineId, int stackId, int createdByFrame) {
        if (ancestorCount == ancestorOwner.length) {
            int n = ancestorCount * 2;
            ancestorOwner = Arrays.copyOf(ancestorOwner, n);
            ancestorId = Arrays.copyOf(ancestorId, n);
            ancestorStack = Arrays.copyOf(ancestorStack, n);
            ancestorCreatedBy = Arrays.copyOf(ancestorCreatedBy, n);
        }
        ancestorOwner[ancestorCount] = count - 1;
        ancestorId[ancestorCount] = goroutineId;
        ancestorStack[ancestorCount] = stackId;
        ancestorCreatedBy[ancestorCount] = createdByFrame;
        ancestorCount++;
    }

    void warn(int line, String message) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(message);
            warningLines.add(line);
        } else {
            warningsDropped++;
        }
    }
}
