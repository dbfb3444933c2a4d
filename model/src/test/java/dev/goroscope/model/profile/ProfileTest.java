package dev.goroscope.model.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goroscope.model.stack.FunctionTotals;
import dev.goroscope.model.stack.StackTable;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileTest {
    private static final List<SampleType> CPU = List.of(new SampleType("samples", "count"),
            new SampleType("cpu", "nanoseconds"));
    private static final LabelSet API = new LabelSet(List.of(Label.of("handler", "/api"), Label.of("user", "7")));
    private static final LabelSet WEB = new LabelSet(List.of(Label.of("handler", "/web")));

    private static int stack(StackTable t, String... rootFirst) {
        int[] frames = new int[rootFirst.length];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = t.frames().intern(rootFirst[i], "x.go", 1);
        }
        return t.internRootFirst(frames, frames.length);
    }

    /** Four samples: two on main→a (/api, /web), one on main→b (no labels), one on main→a (/api). */
    private static Profile sample(long time, long duration) {
        StackTable t = new StackTable();
        int a = stack(t, "main", "a");
        int b = stack(t, "main", "b");
        return new Profile("cpu", CPU, 1, t, new int[] {a, a, b, a},
                new long[][] {{1, 2, 3, 4}, {10, 20, 30, 40}}, new int[] {1, 2, 0, 1},
                List.of(LabelSet.EMPTY, API, WEB),
                new ProfileMeta(new SampleType("cpu", "nanoseconds"), 10, time, duration, "", "", List.of("c1"), ""));
    }

    @Test
    void labelSetsAreCanonicalAndAnswerQueries() {
        LabelSet reversed = new LabelSet(List.of(Label.of("user", "7"), Label.of("handler", "/api")));
        assertThat(reversed).isEqualTo(API);
        assertThat(API.values("handler")).containsExactly("/api");
        assertThat(API.has("user", "7")).isTrue();
        assertThat(API.has("user", "8")).isFalse();
        LabelSet heap = new LabelSet(List.of(Label.numeric("bytes", 16384, "bytes")));
        assertThat(heap.has("bytes", "16384")).isTrue();
        assertThat(heap.has("bytes", "16 KiB")).isTrue();
        assertThat(heap.values("bytes")).containsExactly("16 KiB");
    }

    @Test
    void aLabelIsEitherAStringOrANumber() {
        assertThatThrownBy(() -> new Label("k", "v", 1, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withLabelKeepsOnlyMatchingSamples() {
        Profile p = sample(0, 0);
        Profile api = p.withLabel("handler", "/api");
        assertThat(api.sampleCount()).isEqualTo(2);
        assertThat(api.total(1)).isEqualTo(50);
        assertThat(api.labels(0)).isEqualTo(API);
        assertThat(p.filterSamples(LabelSet::isEmpty).total(1)).isEqualTo(30);
        assertThat(p.labelKeys()).containsExactly("handler", "user");
        assertThat(p.total(1)).isEqualTo(100);
    }

    @Test
    void groupingByALabelPrependsOnePseudoFramePerValue() {
        Profile p = sample(0, 0);
        WeightedStacks ws = p.weightedStacksByLabels(1, List.of("handler"));
        List<String> stacks = new ArrayList<>();
        for (int i = 0; i < ws.size(); i++) {
            stacks.add(names(ws.stacks(), ws.stack()[i]) + " " + ws.weight()[i]);
        }
        assertThat(stacks).containsExactly("handler=/api;main;a 10", "handler=/web;main;a 20",
                "handler=(none);main;b 30", "handler=/api;main;a 40");
        assertThat(ws.stack()[0]).isEqualTo(ws.stack()[3]);
        assertThat(ws.stacks()).isNotSameAs(p.stacks());
        assertThat(p.stacks().frames().strings().find("handler=/api")).isEqualTo(-1);
        FunctionTotals ft = FunctionTotals.of(ws);
        assertThat(ft.total(ft.indexOf("handler=/api"))).isEqualTo(50);
    }

    @Test
    void groupingBySeveralKeysPutsTheFirstOutermost() {
        WeightedStacks ws = sample(0, 0).weightedStacksByLabels(1, List.of("handler", "user"));
        assertThat(names(ws.stacks(), ws.stack()[0])).isEqualTo("handler=/api;user=7;main;a");
        assertThat(names(ws.stacks(), ws.stack()[1])).isEqualTo("handler=/web;user=(none);main;a");
    }

    @Test
    void mergeAddsUpSamplesWithTheSameStackAndLabels() {
        Profile merged = Profile.merge(List.of(sample(200, 5), sample(100, 7)));
        assertThat(merged.sampleCount()).isEqualTo(3);
        assertThat(merged.total(0)).isEqualTo(20);
        assertThat(merged.total(1)).isEqualTo(200);
        FunctionTotals ft = FunctionTotals.of(merged.weightedStacks(1));
        assertThat(ft.self(ft.indexOf("a"))).isEqualTo(140);
        assertThat(merged.withLabel("handler", "/api").total(1)).isEqualTo(100);
        assertThat(merged.meta().timeNanos()).isEqualTo(100);
        assertThat(merged.meta().durationNanos()).isEqualTo(12);
        assertThat(merged.meta().comments()).containsExactly("c1");
        assertThat(merged.kind()).isEqualTo("cpu");
    }

    @Test
    void mergeRefusesDifferentSampleTypes() {
        StackTable t = new StackTable();
        Profile goroutines = new Profile("goroutine", List.of(new SampleType("goroutine", "count")), 0, t,
                new int[] {stack(t, "main")}, new long[][] {{1}});
        assertThatThrownBy(() -> Profile.merge(List.of(sample(0, 0), goroutines)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different sample types")
                .hasMessageContaining("[goroutine/count]");
        assertThatThrownBy(() -> Profile.merge(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sampleTypeIndexFindsTypesByName() {
        Profile p = sample(0, 0);
        assertThat(p.sampleTypeIndex("cpu")).isEqualTo(1);
        assertThat(p.sampleTypeIndex("alloc_space")).isEqualTo(-1);
    }

    @Test
    void labelIndexesMustBeInRange() {
        StackTable t = new StackTable();
        assertThatThrownBy(() -> new Profile("cpu", CPU, 1, t, new int[] {StackTable.EMPTY},
                new long[][] {{1}, {1}}, new int[] {3}, List.of(LabelSet.EMPTY), ProfileMeta.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String names(StackTable t, int stack) {
        List<String> out = new ArrayList<>();
        for (int f : t.framesRootFirst(stack)) {
            out.add(t.frames().functionName(f));
        }
        return String.join(";", out);
    }
}
