package dev.goroscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goroscope.model.Dataset;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.profile.SampleType;
import dev.goroscope.model.stack.StackTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Summaries of profiles built through the model (the pprof importer's output has the same shape). */
class ProfileSummaryTest {
    private static Dataset heap() {
        StackTable t = new StackTable();
        int main = t.frames().intern("main.main", "main.go", 3);
        int alloc = t.frames().intern("main.alloc", "main.go", 9);
        int grow = t.frames().intern("bytes.growSlice", "bytes/buffer.go", 250);
        int a = t.internRootFirst(new int[] {main, alloc}, 2);
        int b = t.internRootFirst(new int[] {main, alloc, grow}, 3);
        long[][] values = {{2, 3, 1}, {200, 3000, 100}, {1, 0, 1}, {100, 0, 50}};
        Profile p = new Profile("heap", List.of(new SampleType("alloc_objects", "count"),
                new SampleType("alloc_space", "bytes"), new SampleType("inuse_objects", "count"),
                new SampleType("inuse_space", "bytes")), 3, t, new int[] {a, b, a}, values);
        return Dataset.ofProfiles("heap.pb.gz", "pprof profile", "go1.26.8", List.of(), List.of(p));
    }

    @Test
    void profileSummaryListsTypesTotalsAndRanksByTheDefaultType() throws Exception {
        Summary s = Summary.of(heap(), null, 0);
        assertThat(s.goroutines()).isNull();
        assertThat(s.states()).isNull();
        assertThat(s.waitReasons()).isNull();
        assertThat(s.distinctStacks()).isEqualTo(2);
        assertThat(s.sampleTypes()).containsExactly("alloc_objects/count", "alloc_space/bytes", "inuse_objects/count",
                "inuse_space/bytes");
        assertThat(s.totals()).containsExactly(java.util.Map.entry("alloc_objects/count", 6L),
                java.util.Map.entry("alloc_space/bytes", 3300L), java.util.Map.entry("inuse_objects/count", 2L),
                java.util.Map.entry("inuse_space/bytes", 150L));
        assertThat(s.topSampleType()).isEqualTo("inuse_space/bytes");
        assertThat(s.top()).containsExactly(new Summary.TopFunction("main.alloc", 150, 150),
                new Summary.TopFunction("main.main", 0, 150));
    }

    @Test
    void sampleTypeIsNamedByTypeOrTypeAndUnit() throws Exception {
        assertThat(Summary.of(heap(), "alloc_space", 0).top()).containsExactly(
                new Summary.TopFunction("main.alloc", 300, 3300), new Summary.TopFunction("main.main", 0, 3300),
                new Summary.TopFunction("bytes.growSlice", 3000, 3000));
        assertThat(Summary.of(heap(), "alloc_objects/count", 1).top()).containsExactly(
                new Summary.TopFunction("main.alloc", 3, 6));
        assertThatThrownBy(() -> Summary.of(heap(), "cpu", 0)).isInstanceOf(CliException.class).hasMessage(
                "heap.pb.gz: no sample type 'cpu' (it has alloc_objects/count, alloc_space/bytes, inuse_objects/count, "
                        + "inuse_space/bytes)");
    }

    @Test
    void aGoroutineProfileCountsGoroutines() throws Exception {
        StackTable t = new StackTable();
        int s = t.internRootFirst(new int[] {t.frames().intern("main.wait", "w.go", 1)}, 1);
        Profile p = new Profile("goroutine", List.of(new SampleType("goroutine", "count")), 0, t, new int[] {s},
                new long[][] {{41}});
        Summary summary = Summary.of(Dataset.ofProfiles("goroutine.pb.gz", "pprof profile", null, List.of(),
                List.of(p)), null, 20);
        assertThat(summary.goroutines()).isEqualTo(41);
        assertThat(summary.topUnit()).isEqualTo("goroutines");
    }

    @Test
    void aFileWithoutStacksIsAnError() {
        Dataset none = Dataset.ofProfiles("sched.txt", "schedtrace log", null, List.of(), List.of());
        assertThatThrownBy(() -> Summary.of(none, null, 0)).isInstanceOf(CliException.class)
                .hasMessage("sched.txt: holds no stacks (schedtrace log)");
    }
}
