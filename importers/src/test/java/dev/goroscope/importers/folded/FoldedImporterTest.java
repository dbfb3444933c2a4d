package dev.goroscope.importers.folded;

import static dev.goroscope.importers.TestFiles.folded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Importer.Confidence;
import dev.goroscope.importers.Progress;
import dev.goroscope.importers.TestFiles;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.profile.SampleType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FoldedImporterTest {
    private final FoldedImporter importer = new FoldedImporter();

    private Dataset read(String resource) throws ImportException {
        return importer.read(TestFiles.source(resource), Progress.NONE);
    }

    private Profile profile(String resource) throws ImportException {
        Dataset d = read(resource);
        assertThat(d.profiles()).hasSize(1);
        return d.profiles().get(0);
    }

    /** Stack lines, total, deepest stack and distinct frames as corpus/public/MANIFEST.md counts them. */
    @ParameterizedTest
    @CsvSource({
        "flamegraph/perf-dd-stacks-01-collapsed-all.txt, 9, 101010100, 8, 16",
        "flamegraph/perf-funcab-cmd-01-collapsed-all.txt, 2, 169, 4, 5",
        "flamegraph/perf-iperf-stacks-pidtid-01-collapsed-tid.txt, 134, 200, 37, 172",
        "flamegraph/perf-java-stacks-01-collapsed-all.txt, 33, 45, 70, 164",
        "flamegraph/perf-java-stacks-02-collapsed-all.txt, 1, 2, 25, 25",
        "flamegraph/perf-js-stacks-01-collapsed-all.txt, 2, 2, 19, 19",
        "flamegraph/perf-mirageos-stacks-01-collapsed-addrs.txt, 10, 52, 7, 20",
        "flamegraph/perf-numa-stacks-01-collapsed-all.txt, 17, 199, 24, 50",
        "flamegraph/perf-rust-Yamakaky-dcpu-collapsed-all.txt, 45, 6850637, 37, 154",
        "flamegraph/perf-vertx-stacks-01-collapsed-all.txt, 199, 285, 69, 229",
        "flameshow/with_comment.txt, 2, 17063, 3, 3",
        "flameshow/simple_square.txt, 2, 5, 3, 5",
        "speedscope/simple.txt, 5, 14, 3, 4",
        "speedscope/simple-crlf.txt, 5, 14, 3, 4",
        "speedscope/simple-utf16-le.txt, 5, 14, 3, 4",
        "speedscope/simple-utf16-be.txt, 5, 14, 3, 4",
        "speedscope/simple-with-invalids.txt, 5, 14, 3, 4",
        "speedscope/recursion.txt, 10, 10, 6, 3",
        "speedscope/tall.txt, 1, 1, 26, 26",
        "speedscope/alternating.txt, 182, 182, 2, 4",
    })
    void corpusFilesGiveTheManifestFigures(String file, int lines, long total, int depth, int frames)
            throws ImportException {
        Profile p = profile("folded/" + file);
        assertThat(p.kind()).isEqualTo("folded");
        assertThat(p.sampleTypes()).containsExactly(new SampleType("samples", "count"));
        assertThat(p.sampleCount()).isEqualTo(lines);
        assertThat(p.total(0)).isEqualTo(total);
        assertThat(TestFiles.maxDepth(p)).isEqualTo(depth);
        assertThat(p.stacks().frames().size()).isEqualTo(frames);
    }

    /** speedscope's bg-flamegraph.test.ts.snap: the same stacks and frame weights whatever the encoding. */
    @ParameterizedTest
    @ValueSource(strings = {"simple.txt", "simple-crlf.txt", "simple-utf16-le.txt", "simple-utf16-be.txt",
        "simple-with-invalids.txt"})
    void speedscopeSamplesMatchItsSnapshot(String file) throws ImportException {
        Profile p = profile("folded/speedscope/" + file);
        assertThat(folded(p, 0)).isEqualTo(Map.of("a;b;c", 5L, "a;b;d", 4L, "a;b", 5L));
        CallTree t = CallTree.of(p.weightedStacks(0));
        int a = t.find(List.of("a"));
        int b = t.find(List.of("a", "b"));
        assertThat(t.total(a)).isEqualTo(14);
        assertThat(t.self(a)).isZero();
        assertThat(t.total(b)).isEqualTo(14);
        assertThat(t.self(b)).isEqualTo(5);
        assertThat(t.total(t.find(List.of("a", "b", "c")))).isEqualTo(5);
        assertThat(t.total(t.find(List.of("a", "b", "d")))).isEqualTo(4);
    }

    @Test
    void linesThatAreNotStacksAreSkippedWithAWarningButCommentsSilently() throws ImportException {
        Dataset d = read("folded/speedscope/simple-with-invalids.txt");
        assertThat(d.warnings()).containsExactly("2 lines are not a folded stack and were skipped (first: line 2)");
        assertThat(read("folded/flameshow/with_comment.txt").warnings()).isEmpty();
    }

    @Test
    void austinHeaderCommentsAreSkipped() throws ImportException {
        Profile p = profile("folded/flameshow/with_comment.txt");
        assertThat(folded(p, 0)).containsOnly(
                Map.entry("P245906;T0:245906", 16905L),
                Map.entry("P245906;T0:245906;<frozen importlib._bootstrap>:<module>:1546", 158L));
    }

    @Test
    void annotationSuffixesAreCutOffTheFunctionName() throws ImportException {
        Profile p = profile("folded/flamegraph/perf-java-stacks-01-collapsed-all.txt");
        List<String> names = functionNames(p);
        assertThat(names).contains("system_call_fastpath", "sys_write", "native_write_msr_safe", "[unknown]")
                .noneMatch(n -> n.endsWith("_[k]") || n.endsWith("_[j]"));
        Profile js = profile("folded/flamegraph/perf-js-stacks-01-collapsed-all.txt");
        assertThat(functionNames(js)).contains("Builtin:A builtin from the snapshot",
                "LazyCompile:~body_0 evalmachine.<anonymous>:1");
    }

    @Test
    void aBlankLeafIsPerfsMissingSymbolAndStays() throws ImportException {
        Profile p = profile("folded/flamegraph/perf-vertx-stacks-01-collapsed-all.txt");
        assertThat(folded(p, 0).entrySet()).filteredOn(e -> e.getKey().endsWith("FileDispatcherImpl:.write0; "))
                .singleElement().extracting(Map.Entry::getValue).isEqualTo(3L);
        assertThat(functionNames(p)).contains(" ");
    }

    @Test
    void framesInBracketsKeepTheirSpaces() throws ImportException {
        Profile p = profile("folded/flamegraph/perf-mirageos-stacks-01-collapsed-addrs.txt");
        assertThat(folded(p, 0)).containsEntry("mir-console;[unknown <6eaf28>];camlLwt__bind_1394", 2L)
                .containsEntry("mir-console;[unknown <7fff978f8dd0>];caml_start_program;caml_program;"
                        + "camlMain__entry;camlUnikernel____pa_lwt_loop_1382;camlLwt__bind_1394", 2L);
        assertThat(folded(profile("folded/flameshow/simple_square.txt"), 0))
                .isEqualTo(Map.of("a;b;[c]", 1L, "a;[b];d", 4L));
    }

    @Test
    void differentialLinesGiveBeforeAndAfterColumns() throws ImportException {
        // Hand-written: difffolded.pl's two-count lines (no such file in the public corpus).
        Dataset d = importer.read(TestFiles.text("diff.folded", "main;a;b 10 12\nmain;a 3 0\nmain;c 0 7\n"),
                Progress.NONE);
        assertThat(d.format()).isEqualTo("folded stacks (differential)");
        Profile p = d.profiles().get(0);
        assertThat(p.sampleTypes()).containsExactly(new SampleType("before", "count"), new SampleType("after", "count"));
        assertThat(p.defaultSampleType()).isEqualTo(1);
        assertThat(folded(p, 0)).isEqualTo(Map.of("main;a;b", 10L, "main;a", 3L, "main;c", 0L));
        assertThat(folded(p, 1)).isEqualTo(Map.of("main;a;b", 12L, "main;a", 0L, "main;c", 7L));
    }

    @Test
    void fractionalCountsScaleTheWholeColumnToThousandths() throws ImportException {
        // Hand-written: flamegraph.pl accepts decimal counts (\d+(?:\.\d*)?); the fourth decimal rounds.
        Profile p = importer.read(TestFiles.text("frac.folded", "a;b 3\na;c 2.5\na;d 0.0005\na 1.\n"),
                Progress.NONE).profiles().get(0);
        assertThat(p.sampleTypes()).containsExactly(new SampleType("samples", "millicount"));
        assertThat(folded(p, 0)).isEqualTo(Map.of("a;b", 3000L, "a;c", 2500L, "a;d", 1L, "a", 1000L));
    }

    @Test
    void aSemicolonInsideBalancedBracketsStaysInItsFrame() throws ImportException {
        // Hand-written: a demangled Rust frame holding an array type; unbalanced brackets split on every ';'.
        Profile p = importer.read(TestFiles.text("rust.folded",
                "main;<[u8; 4] as core::fmt::Debug>::fmt;write 2\nmain;[broken;leaf 1\n"), Progress.NONE)
                .profiles().get(0);
        assertThat(folded(p, 0)).isEqualTo(Map.of("main;<[u8; 4] as core::fmt::Debug>::fmt;write", 2L,
                "main;[broken;leaf", 1L));
        assertThat(p.stacks().depth(p.sampleStack()[1])).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"folded/flamegraph/perf-java-stacks-01-collapsed-all.txt",
        "folded/flamegraph/perf-vertx-stacks-01-collapsed-all.txt", "folded/speedscope/simple-utf16-le.txt",
        "folded/speedscope/simple-crlf.txt", "folded/flameshow/with_comment.txt"})
    void sniffsCorpusFilesAsFolded(String resource) {
        byte[] b = TestFiles.bytes(resource);
        assertThat(importer.sniff(b, b.length)).isEqualTo(Confidence.YES);
    }

    @Test
    void sniffSaysMaybeForSingleFrameLinesAndNoForOtherText() {
        byte[] single = "main 5\nwork 3\n".getBytes();
        assertThat(importer.sniff(single, single.length)).isEqualTo(Confidence.MAYBE);
        byte[] sched = "SCHED 0ms: gomaxprocs=2 idleprocs=0 threads=3 [0 0]\n".getBytes();
        assertThat(importer.sniff(sched, sched.length)).isEqualTo(Confidence.NO);
        byte[] pprof = "goroutine profile: total 7\n3 @ 0x43b9d6 0x44c1f8\n#\t0x4a7d92\tmain.worker+0x32\n\n"
                .getBytes();
        assertThat(importer.sniff(pprof, pprof.length)).isEqualTo(Confidence.NO);
        byte[] json = "[{\"ph\":\"X\",\"ts\":1}]".getBytes();
        assertThat(importer.sniff(json, json.length)).isEqualTo(Confidence.NO);
    }

    @Test
    void emptyFileIsRefused() {
        assertThatThrownBy(() -> importer.read(TestFiles.text("empty.txt", ""), Progress.NONE))
                .isInstanceOf(ImportException.class).hasMessage("empty.txt: byte 0: the file is empty");
    }

    @Test
    void binaryDataIsRefusedAtItsLine() {
        assertThatThrownBy(() -> importer.read(TestFiles.binary("blob.bin"), Progress.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessage("blob.bin: line 1: binary data (a NUL byte), not a text file");
    }

    @Test
    void anotherTextFormatHasNoStacks() {
        assertThatThrownBy(() -> importer.read(TestFiles.text("sched.txt",
                "SCHED 0ms: gomaxprocs=2 idleprocs=0 threads=3 [0 0]\nhello\n"), Progress.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessage("sched.txt: line 1: no folded stack found (expected lines like \"main;work;leaf 42\")");
    }

    @Test
    void aTenMegabyteLineIsRefused() {
        assertThatThrownBy(() -> importer.read(TestFiles.oneLongLine("big.txt", 10 << 20, 'a'), Progress.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessage("big.txt: line 1: line longer than 4 MiB: not a text format Goroscope reads");
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 300, 1000, 20000})
    void aFileCutInsideAStackNamesItsLastLine(int length) {
        String resource = "folded/flamegraph/perf-java-stacks-01-collapsed-all.txt";
        assertThatThrownBy(() -> importer.read(TestFiles.truncated(resource, length), Progress.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessageMatching("\\Q" + resource + "\\E: line \\d+: the file ends inside a line that has no count: cut off\\?");
    }

    @Test
    void aCorruptGzipIsACannotRead() {
        assertThatThrownBy(() -> importer.read(TestFiles.corruptGzip("x.folded.gz"), Progress.NONE))
                .isInstanceOf(ImportException.class).hasMessageStartingWith("x.folded.gz: cannot read: ");
    }

    @Test
    void aCountTooLargeForALongIsRefused() {
        assertThatThrownBy(() -> importer.read(TestFiles.text("huge.txt", "a;b 99999999999999999999\n"),
                Progress.NONE)).isInstanceOf(ImportException.class).hasMessage("huge.txt: line 1: count too large");
    }

    private static List<String> functionNames(Profile p) {
        var frames = p.stacks().frames();
        return java.util.stream.IntStream.range(0, frames.size()).mapToObj(frames::functionName).toList();
    }
}
