package dev.goroscope.model.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.goroutine.GoroutineDump;
import org.junit.jupiter.api.Test;

class CreationTreeTest {
    @Test
    void rollsChildrenUpToTheirCreatingSiteUnderTheCreatorsNode() {
        // goroutine 1 starts two servers at serve.go:10; each server starts handlers at serve.go:30 (Go 1.21+
        // "created by … in goroutine N"); goroutine 50's creator 40 has exited.
        GoroutineDump d = new TestDumps()
                .add(1, "IO wait", 0, null, -1, "main.main main.go:5")
                .add(7, "IO wait", 0, "main.main serve.go:10", 1, "main.serve serve.go:20")
                .add(8, "IO wait", 0, "main.main serve.go:10", 1, "main.serve serve.go:20")
                .add(11, "chan send", 0, "main.serve serve.go:30", 7, "main.handle serve.go:40")
                .add(12, "chan send", 0, "main.serve serve.go:30", 7, "main.handle serve.go:40")
                .add(13, "chan send", 0, "main.serve serve.go:30", 8, "main.handle serve.go:40")
                .add(50, "chan send", 0, "main.serve serve.go:30", 40, "main.handle serve.go:40")
                .build();
        CreationTree t = CreationTree.of(d);
        int root = CreationTree.ROOT;
        assertThat(t.total(root)).isEqualTo(7);
        int noCreator = t.nodeOf(0);
        assertThat(t.parent(noCreator)).isEqualTo(root);
        assertThat(t.label(noCreator)).isEqualTo("no creator");
        assertThat(t.total(noCreator)).isEqualTo(6);
        int servers = t.nodeOf(1);
        assertThat(t.nodeOf(2)).isEqualTo(servers);
        assertThat(t.parent(servers)).isEqualTo(noCreator);
        assertThat(t.label(servers)).isEqualTo("created by main.main (serve.go:10)");
        int handlers = t.nodeOf(3);
        assertThat(t.nodeOf(4)).isEqualTo(handlers);
        assertThat(t.nodeOf(5)).isEqualTo(handlers);
        assertThat(t.parent(handlers)).isEqualTo(servers);
        assertThat(t.count(handlers)).isEqualTo(3);
        assertThat(t.members(handlers)).containsExactly(3, 4, 5);
        int orphans = t.nodeOf(6);
        assertThat(t.parent(orphans)).isEqualTo(root);
        assertThat(t.orphans(orphans)).isEqualTo(1);
        assertThat(t.firstChild(root)).isEqualTo(noCreator);
        assertThat(t.nextSibling(noCreator)).isEqualTo(orphans);
        assertThat(t.subtreeEnd(noCreator)).isEqualTo(handlers + 1);
    }

    @Test
    void withoutParentIdsSitesHangUnderTheRoot() {
        GoroutineDump d = new TestDumps()
                .add(18, "chan send", 0, "main.main main.go:207", -1, "main.leakSend main.go:21")
                .add(19, "chan send", 0, "main.main main.go:207", -1, "main.leakSend main.go:21")
                .add(22, "chan receive", 0, "main.main main.go:213", -1, "main.leakRecv main.go:27")
                .build();
        CreationTree t = CreationTree.of(d);
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.count(1)).isEqualTo(2);
        assertThat(t.depth(1)).isEqualTo(1);
        assertThat(t.orphans(1)).isZero();
        assertThat(t.count(2)).isEqualTo(1);
    }
}
