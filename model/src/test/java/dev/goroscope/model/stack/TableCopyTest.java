package dev.goroscope.model.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableCopyTest {
    @Test
    void aCopyKeepsIdsAndGrowsWithoutTouchingTheOriginal() {
        StackTable t = new StackTable();
        int main = t.frames().intern("main.main", "main.go", 3);
        int work = t.frames().intern("main.work", "main.go", 9);
        int s = t.internRootFirst(new int[] {main, work}, 2);

        StackTable c = t.copy();
        int extra = c.frames().intern("handler=/api", "", 0);
        int s2 = c.push(s, extra);

        assertThat(c.framesRootFirst(s)).containsExactly(main, work);
        assertThat(c.frames().functionName(work)).isEqualTo("main.work");
        assertThat(c.frames().function(work)).isEqualTo(t.frames().function(work));
        assertThat(c.push(StackTable.EMPTY, main)).isEqualTo(t.push(StackTable.EMPTY, main));
        assertThat(c.depth(s2)).isEqualTo(3);
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.frames().size()).isEqualTo(2);
        assertThat(t.frames().strings().find("handler=/api")).isEqualTo(-1);
    }
}
