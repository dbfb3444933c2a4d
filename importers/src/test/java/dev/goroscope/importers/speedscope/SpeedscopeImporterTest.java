package dev.goroscope.importers.speedscope;

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
import org.junit.jupiter.params.provider.ValueSource;

/** Expected results from speedscope's file-format.test.ts.snap (corpus/public/folded/speedscope/expected-snapshots). */
class SpeedscopeImporterTest {
    private final SpeedscopeImporter importer = new SpeedscopeImporter();

    private Dataset read(String resource) throws ImportException {
        return importer.read(TestFiles.source("speedscope/" + resource), Progress.NONE);
    }

    private static void assertSimpleStacks(Profile p, long unit) {
        assertThat(folded(p, 0)).isEqualTo(Map.of("a;b;c", 5 * unit, "a;b;d", 4 * unit, "a;b", 5 * unit));
        CallTree t = CallTree.of(p.weightedStacks(0));
        assertThat(t.total(t.find(List.of("a")))).isEqualTo(14 * unit);
        assertThat(t.self(t.find(List.of("a")))).isZero();
        assertThat(t.self(t.find(List.of("a", "b")))).isEqualTo(5 * unit);
        assertThat(t.total(t.find(List.of("a", "b", "c")))).isEqualTo(5 * unit);
        assertThat(t.total(t.find(List.of("a", "b", "d")))).isEqualTo(4 * unit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.1/simple.speedscope.json", "0.0.1/simple-no-pretty-print.speedscope.json"})
    void eventedProfilesBecomeTimePerStack(String file) throws ImportException {
        Dataset d = read(file);
        assertThat(d.format()).isEqualTo("speedscope JSON");
        assertThat(d.profiles()).hasSize(1);
        Profile p = d.profiles().get(0);
        assertThat(p.name()).isEqualTo("simple.txt");
        assertThat(p.kind()).isEqualTo("speedscope");
        assertThat(p.sampleTypes()).containsExactly(new SampleType("samples", "count"));
        assertSimpleStacks(p, 1);
    }

    @Test
    void sampledProfileInSecondsIsKeptInNanoseconds() throws ImportException {
        Profile p = read("0.1.2/simple-sampled.speedscope.json").profiles().get(0);
        assertThat(p.name()).isEqualTo("simple.speedscope.json");
        assertThat(p.sampleTypes()).containsExactly(new SampleType("time", "nanoseconds"));
        assertThat(p.sampleCount()).isEqualTo(5);
        assertSimpleStacks(p, 1_000_000_000L);
    }

    @Test
    void severalProfilesOfOneFileShareFramesAndKeepTheirNames() throws ImportException {
        Dataset d = read("0.6.0/two-sampled.speedscope.json");
        assertThat(d.format()).isEqualTo("speedscope JSON (speedscope@0.6.0)");
        assertThat(d.profiles()).extracting(Profile::name).containsExactly("one", "two");
        assertThat(d.profiles().get(0).stacks()).isSameAs(d.profiles().get(1).stacks());
        for (Profile p : d.profiles()) {
            assertSimpleStacks(p, 1_000_000_000L);
        }
    }

    @Test
    void aCloseOfAFrameThatIsNotOnTopIsRefusedWhereItIs() {
        assertThatThrownBy(() -> read("invalid/out-of-order-events.json")).isInstanceOf(ImportException.class)
                .hasMessage("speedscope/invalid/out-of-order-events.json: line 20, column 10: "
                        + "closes frame \"B\" while frame \"A\" is open");
    }

    @Test
    void eventsLeavingFramesOpenAreRefused() {
        assertThatThrownBy(() -> read("invalid/incomplete-trace.json")).isInstanceOf(ImportException.class)
                .hasMessage("speedscope/invalid/incomplete-trace.json: line 13, column 52: "
                        + "the events end with 1 frame(s) still open, the innermost \"A\"");
    }

    @Test
    void framesMayComeAfterTheProfilesAndCarryFileAndLine() throws ImportException {
        // Hand-written: "shared" after "profiles", a frame with file and line, an empty sample and fractional counts.
        Dataset d = importer.read(TestFiles.text("late.json", """
                {"profiles": [{"type": "sampled", "name": "p", "unit": "none",
                  "samples": [[0, 1], [], [1]], "weights": [1.5, 2, 1]}],
                 "shared": {"frames": [{"name": "main.main", "file": "/src/main.go", "line": 12},
                                       {"name": "main.work"}]}}"""), Progress.NONE);
        Profile p = d.profiles().get(0);
        assertThat(p.sampleTypes()).containsExactly(new SampleType("samples", "millicount"));
        assertThat(folded(p, 0)).isEqualTo(Map.of("main.main;main.work", 1500L, "", 2000L, "main.work", 1000L));
        int leaf = p.stacks().frame(p.sampleStack()[0]);
        int root = p.stacks().frame(p.stacks().parent(p.sampleStack()[0]));
        assertThat(p.stacks().frames().fileName(root)).isEqualTo("/src/main.go");
        assertThat(p.stacks().frames().line(root)).isEqualTo(12);
        assertThat(p.stacks().frames().fileName(leaf)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.1/simple.speedscope.json", "0.0.1/simple-no-pretty-print.speedscope.json",
        "0.1.2/simple-sampled.speedscope.json", "0.6.0/two-sampled.speedscope.json",
        "invalid/incomplete-trace.json"})
    void sniffsSpeedscopeFiles(String file) {
        byte[] b = TestFiles.bytes("speedscope/" + file);
        assertThat(importer.sniff(b, b.length)).isEqualTo(Confidence.YES);
    }

    @Test
    void sniffFromTheFirstKeysOnly() {
        byte[] shapeOnly = "{\"shared\": {\"frames\": []}, \"profiles\": [".getBytes();
        assertThat(importer.sniff(shapeOnly, shapeOnly.length)).isEqualTo(Confidence.YES);
        byte[] profilesOnly = "{\"profiles\": [{\"type\": \"sampled\"".getBytes();
        assertThat(importer.sniff(profilesOnly, profilesOnly.length)).isEqualTo(Confidence.MAYBE);
        byte[] chrome = "{\"traceEvents\": [{\"ph\": \"X\"}]}".getBytes();
        assertThat(importer.sniff(chrome, chrome.length)).isEqualTo(Confidence.NO);
        byte[] folded = "a;b;c 1\n".getBytes();
        assertThat(importer.sniff(folded, folded.length)).isEqualTo(Confidence.NO);
    }

    @Test
    void emptyFile() {
        assertThatThrownBy(() -> importer.read(TestFiles.text("e.json", ""), Progress.NONE))
                .isInstanceOf(ImportException.class).hasMessage("e.json: byte 0: the file is empty");
    }

    @Test
    void binaryFile() {
        assertThatThrownBy(() -> importer.read(TestFiles.binary("b.json"), Progress.NONE))
                .isInstanceOf(ImportException.class).hasMessageStartingWith("b.json: line 1, column ")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aChromeTraceIsNotASpeedscopeFile() {
        assertThatThrownBy(() -> importer.read(TestFiles.text("t.json", "[{\"ph\": \"X\", \"ts\": 0}]"),
                Progress.NONE)).isInstanceOf(ImportException.class)
                .hasMessage("t.json: line 1, column 1: expected a JSON object with \"shared\" frames and \"profiles\"");
        assertThatThrownBy(() -> importer.read(TestFiles.text("t.json", "{\"traceEvents\": []}"), Progress.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessage("t.json: no \"shared\": {\"frames\": [...]} in the file");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 40, 200, 700, 1900})
    void truncatedFilesNameWhereTheyEnd(int length) {
        assertThatThrownBy(() -> importer.read(TestFiles.truncated("speedscope/0.0.1/simple.speedscope.json", length),
                Progress.NONE)).isInstanceOf(ImportException.class)
                .hasMessageMatching("speedscope/0\\.0\\.1/simple\\.speedscope\\.json: line \\d+, column \\d+: .*");
    }

    @Test
    void aTenMegabyteLineOfGarbage() {
        assertThatThrownBy(() -> importer.read(TestFiles.oneLongLine("big.json", 10 << 20, 'x'), Progress.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("big.json: line 1, column ").hasMessageContaining("Unrecognized token");
    }

    @Test
    void wrongTypesAreNamedWhereTheyAre() {
        assertError("{\"shared\": {\"frames\": \"a\"}}", "line 1, column 23: expected an array of frames");
        assertError("{\"shared\": {\"frames\": [{\"name\": 3}]}}", "line 1, column 33: \"name\" must be a string");
        assertError("{\"shared\": {\"frames\": [{\"name\": \"a\"}]}, \"profiles\": [{\"type\": \"sampled\","
                + " \"samples\": [[0]], \"weights\": [\"1\"]}]}", "line 1, column 104: a weight must be a number from 0");
        assertError("{\"shared\": {\"frames\": [{\"name\": \"a\"}]}, \"profiles\": [{\"type\": \"sampled\","
                + " \"samples\": [[\"0\"]], \"weights\": [1]}]}", "line 1, column 87: a frame index must be a whole "
                + "number from 0");
        assertError("{\"shared\": {\"frames\": [{\"name\": \"a\"}]}, \"profiles\": [{\"type\": \"sampled\","
                + " \"samples\": [[0, 1]], \"weights\": [1]}]}", "line 1, column 90: frame index 1 but the file has 1 "
                + "frames");
        assertError("{\"profiles\": [{\"type\": \"sampled\", \"samples\": [[0, 7]], \"weights\": [1]}],"
                + " \"shared\": {\"frames\": [{\"name\": \"a\"}]}}", "line 1, column 51: frame index 7 but the file has"
                + " 1 frames");
        assertError("{\"shared\": {\"frames\": []}, \"profiles\": [{\"type\": \"sampled\", \"samples\": [[]],"
                + " \"weights\": [1, 2]}]}", "line 1, column 41: sampled profile \"profile 1\" has 1 samples but 2 weights");
        assertError("{\"shared\": {\"frames\": []}, \"profiles\": [{\"type\": \"bogus\"}]}",
                "line 1, column 41: profile \"profile 1\" has type \"bogus\"; expected \"sampled\" or \"evented\"");
    }

    @Test
    void aCorruptGzip() {
        assertThatThrownBy(() -> importer.read(TestFiles.corruptGzip("c.json.gz"), Progress.NONE))
                .isInstanceOf(ImportException.class).hasMessageStartingWith("c.json.gz: cannot read: ");
    }

    private void assertError(String json, String expected) {
        assertThatThrownBy(() -> importer.read(TestFiles.text("w.json", json), Progress.NONE))
                .isInstanceOf(ImportException.class).hasMessage("w.json: " + expected);
    }
}
