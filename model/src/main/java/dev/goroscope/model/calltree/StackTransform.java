package dev.goroscope.model.calltree;

import java.util.Objects;

/**
 * One step of rewriting stacks before they become a call tree. Transforms stack in order and never create
 * weight: each stack keeps its weight or is dropped.
 *
 * @param kind    what to do
 * @param matcher the functions it applies to; null for {@link Kind#INVERT} and {@link Kind#MERGE_RECURSION}
 */
public record StackTransform(Kind kind, FunctionMatcher matcher) {
    public enum Kind {
        /** Re-root at every call of the function, merged: the stack from its outermost call of it on. */
        FOCUS("Focus on"),
        /** Keep only the stacks through the function, whole. */
        ISOLATE("Isolate"),
        /** Remove the function's frames; its callees move up to its caller. */
        HIDE("Hide"),
        /** Remove the stacks through the function. */
        DROP("Drop"),
        /** Callers view: innermost frame first. */
        INVERT("Invert"),
        /** Fold recursion, direct or through other functions: a function met again merges into its first call. */
        MERGE_RECURSION("Merge recursion");

        private final String verb;

        Kind(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }

        public boolean needsFunction() {
            return this != INVERT && this != MERGE_RECURSION;
        }
    }

    public StackTransform {
        Objects.requireNonNull(kind);
        if (kind.needsFunction() != (matcher != null)) {
            throw new IllegalArgumentException(kind + (kind.needsFunction() ? " needs a function" : " takes no function"));
        }
    }

    public static StackTransform focus(FunctionMatcher m) {
        return new StackTransform(Kind.FOCUS, m);
    }

    public static StackTransform isolate(FunctionMatcher m) {
        return new StackTransform(Kind.ISOLATE, m);
    }

    public static StackTransform hide(FunctionMatcher m) {
        return new StackTransform(Kind.HIDE, m);
    }

    public static StackTransform drop(FunctionMatcher m) {
        return new StackTransform(Kind.DROP, m);
    }

    public static StackTransform invert() {
        return new StackTransform(Kind.INVERT, null);
    }

    public static StackTransform mergeRecursion() {
        return new StackTransform(Kind.MERGE_RECURSION, null);
    }

    @Override
    public String toString() {
        return matcher == null ? kind.verb() : kind.verb() + " " + matcher;
    }
}
