package dev.goroscope.model.stack;

import java.util.Arrays;

/**
 * Stacks with a weight each: the input of a call tree. A goroutine dump gives one entry per distinct stack
 * weighted by the number of goroutines on it; a profile gives one per sample weighted by one of its values.
 *
 * @param stacks the table the stack ids refer to
 * @param stack  stack id per entry
 * @param weight weight per entry, same length as {@code stack}
 * @param unit   what a weight counts, e.g. "goroutines", "nanoseconds", "bytes"
 */
public record WeightedStacks(StackTable stacks, int[] stack, long[] weight, String unit) {
    public WeightedStacks {
        if (stack.length != weight.length) {
            throw new IllegalArgumentException("stack and weight lengths differ: " + stack.length + " != " + weight.length);
        }
    }

    public int size() {
        return stack.length;
    }

    public long totalWeight() {
        long t = 0;
        for (long w : weight) {
            t += w;
        }
        return t;
    }

    /** Adds up entries that share a stack id, dropping zero weights; entries come out in stack-id order. */
    public WeightedStacks merged() {
        long[] byStack = new long[stacks.size() + 1];
        for (int i = 0; i < stack.length; i++) {
            byStack[stack[i] + 1] += weight[i];
        }
        int n = 0;
        for (long w : byStack) {
            if (w != 0) {
                n++;
            }
        }
        int[] s = new int[n];
        long[] w = new long[n];
        int k = 0;
        for (int i = 0; i < byStack.length; i++) {
            if (byStack[i] != 0) {
                s[k] = i - 1;
                w[k++] = byStack[i];
            }
        }
        return new WeightedStacks(stacks, s, w, unit);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightedStacks other && other.stacks == stacks && Arrays.equals(other.stack, stack)
                && Arrays.equals(other.weight, weight) && other.unit.equals(unit);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(stack) + Arrays.hashCode(weight);
    }

    @Override
    public String toString() {
        return "WeightedStacks[" + stack.length + " entries, " + unit + "]";
    }
}
