package dev.goroscope.importers.chrometrace;

import static dev.goroscope.importers.TestFiles.folded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Importer.Confidence;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.Progress;
import dev.goroscope.importers.TestFiles;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.profile.SampleType;
import dev.goroscope.model.timeline.SpanLane;
import dev.goroscope.model.timeline.Timeline;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChromeTraceImporterTest {
    private static final String GO_JSON = "chrome/go/test-encoding-json.json.gz";
    private final ChromeTraceImporter importer = new ChromeTraceImporter();

    private Dataset read(String resource) throws ImportException {
        return importer.read(TestFiles.source(resource), Progress.NONE);
    }

    private Map<String, Long> onlyThread(String file) throws ImportException {
        Dataset d = read("chrome/speedscope/" + file);
        assertThat(d.profiles()).hasSize(1);
        Profile p = d.profiles().get(0);
        assertThat(p.kind()).isEqualTo("chrome trace");
        assertThat(p.sampleTypes()).containsExactly(new SampleType("time", "nanoseconds"));
        return folded(p, 0);
    }

    private static Map<String, Long> us(Object... stackThenMicros) {
        TreeMap<String, Long> m = new TreeMap<>();
        for (int i = 0; i < stackThenMicros.length; i += 2) {
            m.put((String) stackThenMicros[i], ((Number) stackThenMicros[i + 1]).longValue() * 1000);
        }
        return m;
    }

    // Expected stacks below are speedscope's (trace-event.test.ts.snap) without its argument suffixes on names
    // and without its idle " " entries: time outside every span is in no stack here.

    @ParameterizedTest
    @ValueSource(strings = {"simple.json", "simple-partial.json", "simple-partial-trailing-comma.json",
        "simple-partial-whitespace.json"})
    void simpleTraceWithAndWithoutItsClosingBracket(String file) throws ImportException {
        assertThat(onlyThread(file)).isEqualTo(us("alpha", 2, "alpha;beta", 3, "alpha;beta;gamma", 5,
                "alpha;beta;epsilon", 4));
        List<String> warnings = read("chrome/speedscope/" + file).warnings();
        if (file.contains("partial")) {
            assertThat(warnings).containsExactly(
                    "the event array has no closing ']' (the format allows it): the trace may have been cut off");
        } else {
            assertThat(warnings).isEmpty();
        }
    }

    @Test
    void objectFormAndAnUnnamedCompleteEventTimedByTdur() throws ImportException {
        assertThat(onlyThread("simple-object.json")).isEqualTo(us("alpha", 2, "alpha;beta", 8,
                "alpha;beta;(unnamed)", 4));
    }

    @Test
    void beginEndAndCompleteEventsOfTheSameExtentNest() throws ImportException {
        assertThat(onlyThread("bex-interaction.json")).isEqualTo(us("A;B", 2, "D;C", 2, "F;E", 1, "F", 1, "G;H", 1,
                "G", 1, "J", 1, "J;I", 1, "K", 1, "K;L", 1));
    }

    @Test
    void endEventsMatchingNothingAreIgnored() throws ImportException {
        assertThat(onlyThread("too-many-end-events.json")).isEqualTo(us("alpha", 2, "alpha;beta", 12));
        assertThat(read("chrome/speedscope/too-many-end-events.json").warnings())
                .containsExactly("2 end (E) event(s) closed nothing open and were ignored");
        assertThat(onlyThread("end-event-with-empty-stack.json")).isEqualTo(us("alpha", 1));
    }

    @Test
    void anEndThatIsNotForTheInnermostSpanIsIgnoredAndOpenSpansEndWithTheThread() throws ImportException {
        assertThat(onlyThread("end-non-top-of-stack.json")).isEqualTo(us("A", 1, "A;B", 9, "A;B;Z", 1));
        assertThat(onlyThread("unbalanced-name.json")).isEqualTo(us("alpha", 1, "alpha;beta", 9));
        assertThat(onlyThread("out-of-order-unbalanced-name.json")).isEqualTo(us("alpha", 1, "alpha;beta", 9));
        assertThat(onlyThread("not-enough-end-events.json")).isEqualTo(us("A", 1, "A;A", 9, "A;A;A", 1));
        assertThat(onlyThread("only-begin-events.json")).isEqualTo(us("A", 1, "A;B", 1));
        assertThat(read("chrome/speedscope/only-begin-events.json").warnings())
                .containsExactly("3 span(s) never ended; they end at their thread's last event");
    }

    @Test
    void endsMatchByNameOnly() throws ImportException {
        assertThat(onlyThread("unbalanced-args.json")).isEqualTo(us("A", 2, "A;A", 8));
        assertThat(onlyThread("mismatched-args.json")).isEqualTo(us("A", 10));
    }

    @Test
    void eventsAreOrderedByTimeAndEndsAtOneInstantCloseTheInnermostFirst() throws ImportException {
        assertThat(onlyThread("out-of-order.json")).isEqualTo(us("A", 2, "A;B", 2, "A;B;C", 6));
        assertThat(onlyThread("must-retain-original-order.json")).isEqualTo(us("A;B;C", 2, "A;B", 2, "A", 2, "X", 3));
        assertThat(onlyThread("event-reordering-name-match.json")).isEqualTo(us("alpha", 9, "alpha;beta;gamma", 1));
        assertThat(onlyThread("simultaneous-anonymous-calls.json")).isEqualTo(us("anonymous", 1,
                "anonymous;anonymous;function1;anonymous", 2, "anonymous;anonymous;anonymous", 2));
        assertThat(onlyThread("zero-duration-events.json")).isEqualTo(us("A", 10));
    }

    @Test
    void completeEventsNestByExtentWhateverTheirFileOrder() throws ImportException {
        assertThat(onlyThread("matching-x.json")).isEqualTo(us("alpha", 8, "alpha;beta;gamma", 1,
                "alpha;gamma;beta", 1));
        assertThat(onlyThread("x-events-matching-end.json")).isEqualTo(us("alpha", 12, "alpha;beta", 2,
                "alpha;beta;gamma", 2, "alpha;gamma", 2, "alpha;gamma;beta", 2));
        assertThat(onlyThread("x-events-matching-start.json")).isEqualTo(us("alpha", 12, "alpha;beta", 2,
                "alpha;beta;gamma", 2, "alpha;gamma", 2, "alpha;gamma;beta", 2));
    }

    @Test
    void aSpanOutlivingItsParentStretchesIt() throws ImportException {
        assertThat(onlyThread("invalid-x-nesting.json")).isEqualTo(us("alpha", 5, "alpha;beta", 10));
        assertThat(read("chrome/speedscope/invalid-x-nesting.json").warnings())
                .containsExactly("1 span(s) ended after the span holding them, which was stretched to fit");
    }

    @Test
    void hermesProfilesNestTheirFrames() throws ImportException {
        assertThat(onlyThread("simple-hermes.json")).isEqualTo(us("[root]", 2, "[root];beta", 12));
        assertThat(onlyThread("hermes-multiple-frames.json")).isEqualTo(us("[root]", 4, "[root];beta", 1,
                "[root];gamma", 3, "[root];gamma;beta", 6));
    }

    @Test
    void timesWrittenAsStringsAreRead() throws ImportException {
        // Hand-written: Hermes writes "ts" (and sometimes "dur") as strings, as multi-thread-with-samples.json does.
        Dataset d = importer.read(TestFiles.text("s.json", "[{\"ph\": \"X\", \"name\": \"a\", \"ts\": \"11550183666.5\","
                + " \"dur\": \"2\", \"pid\": 7512, \"tid\": \"1\"}]"), Progress.NONE);
        assertThat(d.profiles()).extracting(Profile::name).containsExactly("pid 7512, tid 1");
        assertThat(folded(d.profiles().get(0), 0)).isEqualTo(us("a", 2));
    }

    @Test
    void oneProfilePerThreadNamedByItsMetadata() throws ImportException {
        Dataset d = read("chrome/speedscope/multiprocess.json");
        assertThat(d.profiles()).extracting(Profile::name).containsExactly(
                "p0 (pid 0), p0t0 (tid 0)", "p0 (pid 0), p0t1 (tid 1)", "p1 (pid 1), p1t0 (tid 0)",
                "p1 (pid 1), p1t1 (tid 1)", "pid 2, p2t0 (tid 0)", "pid 2, p2t1 (tid 1)", "p3 (pid 3), tid 0",
                "p3 (pid 3), tid 1");
        assertThat(d.profiles()).extracting(p -> folded(p, 0)).containsExactly(us("alpha", 1), us("beta", 1),
                us("gamma", 1), us("delta", 1), us("epsilon", 1), us("phi", 1), us("zeta", 1), us("eta", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"multi-thread-with-samples.json", "simple-with-samples.json"})
    void cpuSamplesAloneAreNotRead(String file) {
        assertThatThrownBy(() -> read("chrome/speedscope/" + file)).isInstanceOf(ImportException.class)
                .hasMessage("chrome/speedscope/" + file + ": no duration events (B/E or X) with a length in the "
                        + "trace; its CPU \"samples\" are not read");
    }

    @Test
    void goToolTraceJsonGivesOneProfilePerProcLaneInItsSortOrder() throws ImportException {
        Dataset d = read(GO_JSON);
        assertThat(d.format()).isEqualTo("Chrome trace JSON");
        assertThat(d.profiles()).extracting(Profile::name).containsExactly("PROCS (pid 0), GC (tid 1000004)",
                "PROCS (pid 0), Proc 0 (tid 0)", "PROCS (pid 0), Proc 1 (tid 1)", "PROCS (pid 0), Proc 2 (tid 2)",
                "PROCS (pid 0), Proc 3 (tid 3)", "PROCS (pid 0), Proc 4 (tid 4)", "PROCS (pid 0), Proc 5 (tid 5)",
                "PROCS (pid 0), Proc 6 (tid 6)", "PROCS (pid 0), Proc 7 (tid 7)", "PROCS (pid 0), Proc 8 (tid 8)",
                "PROCS (pid 0), Proc 9 (tid 9)");
        // Each lane's total is the length of the union of its slices (computed independently from the JSON).
        assertThat(d.profiles()).extracting(p -> p.total(0)).containsExactly(28_549_698L, 231_786_517L,
                200_423_125L, 38_351_411L, 38_676_916L, 18_029_969L, 16_314_417L, 14_422_897L, 13_037_009L,
                12_498_368L, 9_461_712L);
        Map<String, Long> proc1 = folded(d.profiles().get(2), 0);
        assertThat(proc1).containsEntry("G161 testing.tRunner", 148_650_463L)
                .containsEntry("G24 testing.tRunner;STW (sweep termination)", 18_784L)
                .containsEntry("GC (dedicated)", 13_405_889L);
        assertThat(d.warnings()).containsExactly(
                "not shown: 22457 counter (C), 1529 instant (I), 791 flow start (s), 791 flow step (t) events");
    }

    @Test
    void theTimelineHasOneLaneOfNestedSpansPerThread() throws ImportException {
        Timeline t = read("chrome/speedscope/simple.json").timeline();
        assertThat(t.spanLanes()).hasSize(1);
        SpanLane lane = t.spanLanes().get(0);
        assertThat(lane.name()).isEqualTo("pid 0, tid 0");
        assertThat(lane.depths()).isEqualTo(3);
        assertThat(spans(t, lane, 0)).containsExactly("alpha 0-14000");
        assertThat(spans(t, lane, 1)).containsExactly("beta 1000-13000");
        assertThat(spans(t, lane, 2)).containsExactly("gamma 2000-7000", "epsilon 7000-11000");
        assertThat(lane.spanAt(2, 7000)).isEqualTo(1);
        assertThat(lane.spanAt(2, 12000)).isEqualTo(-1);
        assertThat(t.startNs()).isZero();
        assertThat(t.endNs()).isEqualTo(14_000);
    }

    @Test
    void goToolTraceJsonLanesAreNamedByThreadNameMetadataAndHoldEveryCompleteEvent() throws ImportException {
        Timeline t = read(GO_JSON).timeline();
        assertThat(t.spanLanes()).extracting(SpanLane::name).startsWith("PROCS (pid 0), GC (tid 1000004)",
                "PROCS (pid 0), Proc 0 (tid 0)", "PROCS (pid 0), Proc 1 (tid 1)");
        // X events per thread, counted independently in the JSON: GC 21, Proc 0 313, Proc 1 304, … Proc 9 22.
        assertThat(t.spanLanes()).extracting(SpanLane::size).containsExactly(21, 313, 304, 115, 96, 86, 49, 60, 42,
                52, 22);
        assertThat(t.goroutines().size()).isZero();
    }

    private static List<String> spans(Timeline t, SpanLane lane, int depth) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < lane.size(depth); i++) {
            out.add(t.strings().get(lane.nameId(depth, i)) + " " + lane.start(depth, i) + "-" + lane.end(depth, i));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple.json", "simple-object.json", "simple-partial.json", "multiprocess.json",
        "multi-thread-with-samples.json", "simple-hermes.json"})
    void sniffsTraceEventFiles(String file) {
        byte[] b = TestFiles.bytes("chrome/speedscope/" + file);
        assertThat(importer.sniff(b, b.length)).isEqualTo(Confidence.YES);
    }

    @Test
    void sniffsGoToolTraceJsonFromItsHead() {
        byte[] b = gunzip(TestFiles.bytes(GO_JSON));
        assertThat(importer.sniff(b, 64 * 1024)).isEqualTo(Confidence.YES);
    }

    @Test
    void sniffRefusesOtherFiles() {
        for (String other : List.of("{\"$schema\": \"https://www.speedscope.app/file-format-schema.json\"}",
                "[1, 2, 3]", "a;b;c 1\n", "SCHED 0ms: gomaxprocs=2\n")) {
            byte[] b = other.getBytes();
            assertThat(importer.sniff(b, b.length)).as(other).isEqualTo(Confidence.NO);
        }
        byte[] lateEvents = "{\"displayTimeUnit\": \"ns\", \"otherData\": {\"x\": 1".getBytes();
        assertThat(importer.sniff(lateEvents, lateEvents.length)).isEqualTo(Confidence.MAYBE);
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
    void aSpeedscopeFileIsNotATrace() {
        assertThatThrownBy(() -> importer.read(TestFiles.source("speedscope/0.6.0/two-sampled.speedscope.json"),
                Progress.NONE)).isInstanceOf(ImportException.class).hasMessage(
                        "speedscope/0.6.0/two-sampled.speedscope.json: no \"traceEvents\" in the JSON object: "
                                + "not a Chrome trace");
    }

    @Test
    void aTraceOfCountersOnlyHasNothingToShow() {
        assertThatThrownBy(() -> importer.read(TestFiles.text("c.json", "[{\"ph\": \"C\", \"ts\": 1, \"name\": \"x\","
                + " \"args\": {\"v\": 1}}, {\"ph\": \"C\", \"ts\": 2, \"name\": \"x\", \"args\": {\"v\": 2}}]"),
                Progress.NONE)).isInstanceOf(ImportException.class).hasMessage(
                        "c.json: no duration events (B/E or X) with a length in the trace; it has 2 counter (C) events");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 30, 100000, 2000000})
    void theGoJsonCutAnywhereIsRefusedWithItsPlace(int length) {
        byte[] json = gunzip(TestFiles.bytes(GO_JSON));
        byte[] cut = Arrays.copyOf(json, length);
        assertThatThrownBy(() -> importer.read(Importers.bytesSource("cut.json", cut),
                Progress.NONE)).isInstanceOf(ImportException.class)
                .hasMessageMatching("cut\\.json: line \\d+, column \\d+: .*");
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 100, 250})
    void aBareArrayCutInsideAnEventIsRefused(int length) {
        assertThatThrownBy(() -> importer.read(TestFiles.truncated("chrome/speedscope/simple.json", length),
                Progress.NONE)).isInstanceOf(ImportException.class)
                .hasMessageMatching("chrome/speedscope/simple\\.json: line \\d+, column \\d+: .*");
    }

    @Test
    void aTenMegabyteLineOfGarbage() {
        assertThatThrownBy(() -> importer.read(TestFiles.oneLongLine("big.json", 10 << 20, '7'), Progress.NONE))
                .isInstanceOf(ImportException.class).hasMessageStartingWith("big.json: line 1, column ");
    }

    @Test
    void wrongTypesAreNamedWhereTheyAre() {
        assertError("[{\"ph\": \"X\", \"ts\": \"soon\", \"dur\": 1}]", "line 1, column 20: \"ts\" must be a number of microseconds");
        assertError("[{\"ph\": 3}]", "line 1, column 9: \"ph\" must be a string");
        assertError("[{\"ph\": \"X\", \"name\": [1]}]", "line 1, column 22: \"name\" must be a string");
        assertError("[{\"ph\": \"X\", \"pid\": {}}]", "line 1, column 21: \"pid\" must be a number or a string");
        assertError("[1, 2]", "line 1, column 2: a trace event must be an object like {\"ph\": \"X\", \"ts\": 0, ...}");
        assertError("{\"traceEvents\": 7}", "line 1, column 17: \"traceEvents\" must be an array of events");
        assertError("{\"traceEvents\": [{\"ph\": \"X\", \"ts\": 0, \"dur\": 1}", "line 1, column 48: not valid JSON: "
                + "Unexpected end-of-input: expected close marker for Array (start marker at [Source: REDACTED "
                + "(`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 17])");
        assertError("[{\"ph\": \"X\", \"ts\": 1e400, \"dur\": 1}]", "line 1, column 20: \"ts\" is too large");
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

    private static byte[] gunzip(byte[] gz) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
