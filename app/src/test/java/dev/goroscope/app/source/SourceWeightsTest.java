package dev.goroscope.app.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.FunctionMatcher;
import dev.goroscope.model.calltree.StackTransform;
import org.junit.jupiter.api.Test;

/** Per-line weights on the real Go 1.26 leaks dump: two goroutines recurse in leakRecurse to leakRecursionBottom. */
class SourceWeightsTest {
    private static final String FILE = LeaksDump.PREFIX + "patterns.go";
    private final CallTree tree = CallTree.of(LeaksDump.dump().stackCounts());

    @Test
    void theInnermostFunctionHasSelfAndTotalOnItsBlockingLine() {
        SourceWeights w = SourceWeights.of(tree, LeaksDump.node(tree, "main.leakRecursionBottom"), FILE, CallTree.ROOT);
        assertThat(w.self(218)).isEqualTo(2);
        assertThat(w.total(218)).isEqualTo(2);
        assertThat(w.heaviestLine()).isEqualTo(218);
        assertThat(w.total(217)).isZero();
    }

    @Test
    void aRecursiveFunctionCountsEachStackOncePerLine() {
        SourceWeights w = SourceWeights.of(tree, LeaksDump.node(tree, "main.leakRecurse"), FILE, CallTree.ROOT);
        assertThat(w.total(209)).isEqualTo(2);
        assertThat(w.total(212)).isEqualTo(2);
        assertThat(w.self(209)).isZero();
        assertThat(w.self(212)).isZero();
    }

    @Test
    void stacksOutsideTheZoomedNodeOrDroppedByTheViewDoNotCount() {
        int other = LeaksDump.node(tree, "main.leakLockedThread");
        SourceWeights outside = SourceWeights.of(tree, LeaksDump.node(tree, "main.leakRecurse"), FILE, other);
        assertThat(outside.total(209)).isZero();
        assertThat(outside.heaviestLine()).isZero();
        CallTree dropped = tree.with(StackTransform.drop(FunctionMatcher.exactly("main.leakRecursionBottom")));
        int lockedThread = LeaksDump.node(dropped, "main.leakLockedThread");
        assertThat(SourceWeights.of(dropped, lockedThread, FILE, CallTree.ROOT).total(200)).isEqualTo(1);
        assertThat(SourceWeights.of(dropped, lockedThread, "other.go", CallTree.ROOT).heaviestLine()).isZero();
    }
}
