package dev.goroscope.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.calltree.FunctionMatcher;
import dev.goroscope.model.calltree.StackTransform;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoldedWriterTest {
    static String folded(CallTree tree) throws IOException {
        StringWriter out = new StringWriter();
        FoldedWriter.write(tree, out);
        return out.toString();
    }

    @Test
    void writesOneLinePerDistinctPathRootFirst() throws IOException {
        WeightedStacks in = TestStacks.of("main;a;b", 3, "main;a", 2, "main;a;b", 4, "main;c", 1);
        assertThat(folded(CallTree.of(in))).isEqualTo("main;a 2\nmain;a;b 7\nmain;c 1\n");
    }

    @Test
    void writesTheTransformedTree() throws IOException {
        WeightedStacks in = TestStacks.of("main;a;b", 3, "main;x;b", 2, "main;c", 1);
        CallTree tree = CallTree.of(in, List.of(StackTransform.focus(FunctionMatcher.regex("^b$"))));
        assertThat(folded(tree)).isEqualTo("b 5\n");
        CallTree hidden = CallTree.of(in, List.of(StackTransform.hide(FunctionMatcher.regex("^(a|x)$"))));
        assertThat(folded(hidden)).isEqualTo("main;b 5\nmain;c 1\n");
    }

    @Test
    void keepsStacksLeftWithNoFrameSoWeightsAddUp() throws IOException {
        StackTable table = new StackTable();
        int main = table.internRootFirst(new int[] {table.frames().intern("main", "m.go", 1)}, 1);
        WeightedStacks in = new WeightedStacks(table, new int[] {main, StackTable.EMPTY}, new long[] {4, 2}, "goroutines");
        assertThat(folded(CallTree.of(in))).isEqualTo("(no frames) 2\nmain 4\n");
    }

    /** Hand-made input for the rule that separators and line breaks in names cannot break a line. */
    @Test
    void separatorsAndControlCharactersInNamesBecomeUnderscores() throws IOException {
        StackTable table = new StackTable();
        int s = table.internRootFirst(new int[] {table.frames().intern("a;b\nc", "", 0)}, 1);
        WeightedStacks in = new WeightedStacks(table, new int[] {s}, new long[] {1}, "goroutines");
        assertThat(folded(CallTree.of(in))).isEqualTo("a_b_c 1\n");
    }
}
