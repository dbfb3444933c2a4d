package dev.goroscope.importers.pprof;

import static dev.goroscope.importers.pprof.PprofConformanceTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goroscope.importers.Importers;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.stack.FunctionTotals;
import dev.goroscope.model.stack.WeightedStacks;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PprofImporterTest {
    private static Profile open(String name) throws Exception {
        return Importers.all().open(resource(name)).profiles().get(0);
    }

    @ParameterizedTest
    @CsvSource({
        "go1.19/cpu.pb.gz, cpu, cpu",
        "go1.19/heap.pb.gz, heap, inuse_space",
        "go1.19/goroutine.pb.gz, goroutine, goroutine",
        "go1.19/block.pb.gz, block, delay",
        "go1.19/mutex.pb.gz, mutex, delay",
        "public/flameshow_threadcreate.out, threadcreate, threadcreate",
        "public/dd-trace-go_heap.pprof, allocs, alloc_space",
        "public/traceutils_wall.pprof, wall-time, wall-time",
        "go1.26/cpu.pb.gz, cpu, cpu",
        "go1.26/heap.pb.gz, heap, inuse_space",
        "go1.26/allocs.pb.gz, allocs, alloc_space",
        "go1.26/goroutine.pb.gz, goroutine, goroutine",
        "go1.26/goroutineleak.pb.gz, goroutineleak, goroutineleak",
        "go1.26/threadcreate.pb.gz, threadcreate, threadcreate",
        "go1.26/block.pb.gz, block, delay",
        "go1.26/mutex.pb.gz, mutex, delay",
    })
    void namesTheKindAndPicksPprofsDefaultSampleType(String file, String kind, String defaultType) throws Exception {
        Dataset d = Importers.all().open(resource(file));
        Profile p = d.profiles().get(0);
        assertThat(p.kind()).isEqualTo(kind);
        assertThat(d.format()).isEqualTo("pprof protobuf (" + kind + ")");
        assertThat(p.sampleTypes().get(p.defaultSampleType()).type()).isEqualTo(defaultType);
    }

    @Test
    void keepsPeriodDurationAndTime() throws Exception {
        Profile cpu = open("go1.19/cpu.pb.gz");
        assertThat(cpu.meta().periodType()).hasToString("cpu/nanoseconds");
        assertThat(cpu.meta().period()).isEqualTo(10_000_000);
        assertThat(cpu.meta().durationNanos()).isBetween(3_170_000_000L, 3_180_000_000L);
        assertThat(cpu.meta().timeNanos()).isEqualTo(1_795_922_701_210_036_241L);
        assertThat(cpu.meta().dropFrames()).isEmpty();
    }

    @Test
    void stringLabelsFilterAndGroup() throws Exception {
        Profile cpu = open("go1.19/cpu.pb.gz");
        assertThat(cpu.labelKeys()).containsExactlyInAnyOrder("activity", "burner");
        int ns = cpu.sampleTypeIndex("cpu");
        Profile burner0 = cpu.withLabel("burner", "0");
        Profile burner1 = cpu.withLabel("burner", "1");
        Profile unlabelled = cpu.filterSamples(set -> !set.hasKey("burner"));
        assertThat(burner0.total(ns) + burner1.total(ns) + unlabelled.total(ns)).isEqualTo(cpu.total(ns));
        assertThat(burner0.total(ns)).isEqualTo(1_620_000_000L);

        WeightedStacks grouped = cpu.weightedStacksByLabels(ns, List.of("burner"));
        FunctionTotals ft = FunctionTotals.of(grouped);
        assertThat(ft.total(ft.indexOf("burner=0"))).isEqualTo(burner0.total(ns));
        assertThat(ft.total(ft.indexOf("burner=(none)"))).isEqualTo(unlabelled.total(ns));
        assertThat(grouped.totalWeight()).isEqualTo(cpu.total(ns));
    }

    @Test
    void numericLabelsCarryTheirValueAndUnitlessBytesLabel() throws Exception {
        Profile heap = open("go1.19/heap.pb.gz");
        assertThat(heap.labelKeys()).containsExactly("bytes");
        assertThat(heap.labels(0).labels().get(0).num()).isEqualTo(139_264);
        assertThat(heap.withLabel("bytes", "16384").sampleCount()).isEqualTo(2);
    }

    @Test
    void profilesOfOneKindMerge() throws Exception {
        Profile before = open("public/dd-trace-go_block.before.pprof");
        Profile after = open("public/dd-trace-go_block.after.pprof");
        Profile merged = Profile.merge(List.of(before, after));
        assertThat(merged.total(0)).isEqualTo(9);
        assertThat(merged.total(1)).isEqualTo(3_336_989L + 3_340_939L);
        assertThat(merged.sampleCount()).isLessThanOrEqualTo(before.sampleCount() + after.sampleCount());
        FunctionTotals ft = FunctionTotals.of(merged.weightedStacks(1));
        FunctionTotals a = FunctionTotals.of(before.weightedStacks(1));
        FunctionTotals b = FunctionTotals.of(after.weightedStacks(1));
        String leaf = a.name(a.bySelf()[0]);
        assertThat(ft.self(ft.indexOf(leaf))).isEqualTo(a.self(a.indexOf(leaf)) + b.self(b.indexOf(leaf)));
    }

    @Test
    void profilesOfDifferentTypesDoNotMerge() throws Exception {
        Profile cpu = open("go1.19/cpu.pb.gz");
        Profile heap = open("go1.19/heap.pb.gz");
        assertThatThrownBy(() -> Profile.merge(List.of(cpu, heap)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[samples/count, cpu/nanoseconds]")
                .hasMessageContaining("alloc_objects/count");
    }

    @Test
    void inlinedCallsBecomeFramesInnermostFirst() throws Exception {
        Profile heap = open("go1.19/heap.pb.gz");
        int leaf = heap.sampleStack()[0];
        var frames = heap.stacks().frames();
        assertThat(frames.functionName(heap.stacks().frame(leaf))).isEqualTo("compress/flate.newDeflateFast");
        int caller = heap.stacks().parent(leaf);
        assertThat(frames.functionName(heap.stacks().frame(caller))).isEqualTo("compress/flate.(*compressor).init");
        assertThat(frames.line(heap.stacks().frame(caller))).isEqualTo(585);
    }

    @Test
    void locationsWithoutFunctionAreNamedByAddress() throws Exception {
        Profile crash = open("public/google-pprof_go.nomappings.crash");
        var frames = crash.stacks().frames();
        assertThat(frames.functionName(crash.stacks().frame(crash.sampleStack()[0]))).isEqualTo("0x103cbf8");
    }

    @Test
    void twoFunctionEntriesOfOneNameAndFileMakeOneFrame() throws Exception {
        // a real profile given a second function entry and location for a frame it already has
        byte[] original;
        try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(
                PprofConformanceTest.resource("go1.19/cpu.pb.gz")))) {
            original = in.readAllBytes();
        }
        var p = dev.goroscope.importers.pprof.proto.PprofProto.Profile.parseFrom(original);
        var twin = p.getFunction(0).toBuilder().setId(9_999).build();
        int loc = 0;
        while (p.getLocation(loc).getLine(0).getFunctionId() != p.getFunction(0).getId()) {
            loc++;
        }
        var location = p.getLocation(loc);
        var twinLocation = location.toBuilder().setId(8_888)
                .setLine(0, location.getLine(0).toBuilder().setFunctionId(9_999)).build();
        int sample = 0;
        while (!p.getSample(sample).getLocationIdList().contains(location.getId())) {
            sample++;
        }
        var s = p.getSample(sample);
        var edited = p.toBuilder().addFunction(twin).addLocation(twinLocation)
                .setSample(sample, s.toBuilder().setLocationId(s.getLocationIdList().indexOf(location.getId()), 8_888))
                .build();
        Profile before = Importers.all().read(Importers.bytesSource("a.pb", original), dev.goroscope.importers.Progress.NONE)
                .profiles().get(0);
        Profile after = Importers.all().read(Importers.bytesSource("b.pb", edited.toByteArray()),
                dev.goroscope.importers.Progress.NONE).profiles().get(0);
        assertThat(after.stacks().frames().size()).isEqualTo(before.stacks().frames().size());
        assertThat(after.stacks().size()).isEqualTo(before.stacks().size());
        FunctionTotals a = FunctionTotals.of(before.weightedStacks(1));
        FunctionTotals b = FunctionTotals.of(after.weightedStacks(1));
        String name = p.getStringTable((int) p.getFunction(0).getName());
        assertThat(b.self(b.indexOf(name))).isEqualTo(a.self(a.indexOf(name)));
        assertThat(b.total(b.indexOf(name))).isEqualTo(a.total(a.indexOf(name)));
    }

    @Test
    void findsAGoVersionInComments() {
        assertThat(PprofImporter.goVersion(List.of("built by go1.26.0 linux/amd64"))).isEqualTo("go1.26.0");
        assertThat(PprofImporter.goVersion(List.of("cargo1.2", "nothing"))).isNull();
    }
}
