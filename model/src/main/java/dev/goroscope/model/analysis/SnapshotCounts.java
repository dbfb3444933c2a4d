package dev.goroscope.model.analysis;

import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.stack.StackTable;
import java.util.Arrays;

/**
 * How many goroutines one snapshot has per {@link DiffKeys} key. From a dump: one hash lookup per goroutine on a
 * (stack, wait reason) pair memoised to its key. From a goroutine profile: each sample's count.
 */
public final class SnapshotCounts {
    private final DiffKeys keys;
    private final int[] key;
    private final long[] count;
    private final long total;

    private SnapshotCounts(DiffKeys keys, long[] byKey) {
        this.keys = keys;
        int n = 0;
        for (long c : byKey) {
            if (c != 0) {
                n++;
            }
        }
        key = new int[n];
        count = new long[n];
        long t = 0;
        for (int k = 0, i = 0; k < byKey.length; k++) {
            if (byKey[k] != 0) {
                key[i] = k;
                count[i++] = byKey[k];
                t += byKey[k];
            }
        }
        total = t;
    }

    public static SnapshotCounts of(GoroutineDump dump, DiffKeys keys) {
        StackFacts facts = StackFacts.of(dump.stacks());
        LongIntMap pairKey = new LongIntMap(256);
        long[] byKey = new long[Math.max(16, keys.size())];
        for (int g = 0; g < dump.size(); g++) {
            int stack = dump.stack(g);
            int reason = dump.waitReason(g) >= 0 ? dump.waitReason(g) : -2 - dump.state(g).ordinal();
            long pair = ((long) stack << 32) | (reason & 0xffffffffL);
            int k = pairKey.get(pair);
            if (k < 0) {
                k = keys.id(facts.entryName(stack), facts.leafName(stack), dump.waitReason(g) >= 0
                        ? dump.waitReasonText(g) : dump.state(g).label());
                pairKey.putIfAbsent(pair, k);
            }
            if (k >= byKey.length) {
                byKey = Arrays.copyOf(byKey, Math.max(k + 1, byKey.length * 2));
            }
            byKey[k]++;
        }
        return new SnapshotCounts(keys, byKey);
    }

    /** From a goroutine profile, weighted by its default sample type (goroutine count). Wait reasons are "". */
    public static SnapshotCounts of(Profile profile, DiffKeys keys) {
        StackTable stacks = profile.stacks();
        StackFacts facts = StackFacts.of(stacks);
        long[] values = profile.values()[profile.defaultSampleType()];
        int[] keyOfStack = new int[stacks.size() + 1];
        Arrays.fill(keyOfStack, -1);
        long[] byKey = new long[Math.max(16, keys.size())];
        for (int i = 0; i < profile.sampleCount(); i++) {
            int stack = profile.sampleStack()[i];
            int k = keyOfStack[stack + 1];
            if (k < 0) {
                k = keys.id(facts.entryName(stack), facts.leafName(stack), "");
                keyOfStack[stack + 1] = k;
            }
            if (k >= byKey.length) {
                byKey = Arrays.copyOf(byKey, Math.max(k + 1, byKey.length * 2));
            }
            byKey[k] += values[i];
        }
        return new SnapshotCounts(keys, byKey);
    }

    public DiffKeys keys() {
        return keys;
    }

    /** Number of keys with a non-zero count. */
    public int size() {
        return key.length;
    }

    /** The {@code i}-th key id (ascending). */
    public int key(int i) {
        return key[i];
    }

    public long count(int i) {
        return count[i];
    }

    /** The count of key id {@code keyId}, 0 when absent. */
    public long countOf(int keyId) {
        int i = Arrays.binarySearch(key, keyId);
        return i < 0 ? 0 : count[i];
    }

    /** All goroutines of the snapshot. */
    public long total() {
        return total;
    }
}
