package dev.goroscope.importers.pprof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.importers.Importers;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.profile.Label;
import dev.goroscope.model.profile.LabelSet;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.FunctionTotals;
import dev.goroscope.model.stack.StackTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every profile under test resources {@code pprof/} that has a {@code X.pprof-raw.txt} (what {@code go tool pprof
 * -raw X} printed) is imported through {@link Importers} and compared with it: sample types and default, every
 * sample's values, frames (inlined calls expanded) and labels, totals, and per-function flat/cum. Where a
 * {@code X.pprof-top.txt} exists, its rows must match our flat/cum within pprof's rounding.
 */
class PprofConformanceTest {
    static Stream<String> profiles() throws IOException, URISyntaxException {
        Path root = Path.of(PprofConformanceTest.class.getResource("/pprof").toURI());
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.map(p -> root.relativize(p).toString())
                    .filter(p -> p.endsWith(".pprof-raw.txt") || p.endsWith(".pprof-raw.txt.gz"))
                    .map(p -> p.substring(0, p.indexOf(".pprof-raw.txt")))
                    .sorted()
                    .forEach(out::add);
        }
        return out.stream();
    }

    static Path resource(String relative) {
        try {
            return Path.of(PprofConformanceTest.class.getResource("/pprof").toURI()).resolve(relative);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] b = p.toString().endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
            return new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Map<String, PprofRawText> RAW = new ConcurrentHashMap<>();
    private static final Map<String, Profile> LOADED = new ConcurrentHashMap<>();

    static PprofRawText raw(String name) {
        return RAW.computeIfAbsent(name, n -> {
            Path plain = resource(n + ".pprof-raw.txt");
            return PprofRawText.parse(text(Files.exists(plain) ? plain : resource(n + ".pprof-raw.txt.gz")));
        });
    }

    /** The profile the expectations of {@code name} are about: {@code name} itself, or {@code name.pb.gz}. */
    static Profile load(String name) throws Exception {
        Profile cached = LOADED.get(name);
        if (cached != null) {
            return cached;
        }
        Path input = Files.exists(resource(name)) ? resource(name) : resource(name + ".pb.gz");
        Dataset d = Importers.all().open(input);
        assertThat(d.format()).startsWith("pprof protobuf");
        assertThat(d.profiles()).hasSize(1);
        LOADED.put(name, d.profiles().get(0));
        return d.profiles().get(0);
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void sampleTypesAndTotalsEqualPprofRaw(String name) throws Exception {
        Profile p = load(name);
        PprofRawText raw = raw(name);
        assertThat(p.sampleTypes()).extracting(Object::toString).containsExactlyElementsOf(raw.sampleTypes);
        assertThat(p.defaultSampleType()).isEqualTo(raw.defaultType);
        assertThat(p.sampleCount()).isEqualTo(raw.samples.size());
        for (int t = 0; t < raw.sampleTypes.size(); t++) {
            assertThat(p.total(t)).as("total of %s", raw.sampleTypes.get(t)).isEqualTo(raw.total(t));
        }
        if (raw.periodType != null) {
            String ours = p.meta().periodType() == null ? "/" : p.meta().periodType().toString();
            assertThat(ours).isEqualTo(raw.periodType);
        }
        assertThat(p.meta().period()).isEqualTo(raw.period);
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void everySampleHasPprofsValuesFramesAndLabels(String name) throws Exception {
        Profile p = load(name);
        PprofRawText raw = raw(name);
        FrameTable frames = p.stacks().frames();
        for (int s = 0; s < raw.samples.size(); s++) {
            PprofRawText.Sample expected = raw.samples.get(s);
            for (int t = 0; t < expected.values().length; t++) {
                assertThat(p.values()[t][s]).isEqualTo(expected.values()[t]);
            }
            List<String> ours = new ArrayList<>();
            for (int st = p.sampleStack()[s]; st != StackTable.EMPTY; st = p.stacks().parent(st)) {
                int f = p.stacks().frame(st);
                ours.add(frames.functionName(f) + " " + frames.fileName(f) + ":" + frames.line(f));
            }
            assertThat(ours).as("frames of sample %d", s).containsExactlyElementsOf(raw.frames(expected));
            assertThat(labelLines(p.labels(s))).as("labels of sample %d", s)
                    .containsExactlyElementsOf(expected.labelLines());
        }
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void perFunctionFlatAndCumEqualPprof(String name) throws Exception {
        Profile p = load(name);
        PprofRawText raw = raw(name);
        for (int t = 0; t < raw.sampleTypes.size(); t++) {
            FunctionTotals ours = FunctionTotals.of(p.weightedStacks(t));
            Map<String, String> expected = new TreeMap<>();
            raw.functionTotals(t).forEach((f, v) -> {
                if (v[0] != 0 || v[1] != 0) {
                    expected.put(f, v[0] + "/" + v[1]);
                }
            });
            Map<String, String> actual = new TreeMap<>();
            for (int i = 0; i < ours.size(); i++) {
                if (ours.self(i) != 0 || ours.total(i) != 0) {
                    actual.put(ours.name(i), ours.self(i) + "/" + ours.total(i));
                }
            }
            assertThat(actual).as("flat/cum of %s", raw.sampleTypes.get(t)).isEqualTo(expected);
        }
        Path top = resource(name + ".pprof-top.txt");
        if (Files.exists(top)) {
            PprofTopText rows = PprofTopText.parse(text(top));
            FunctionTotals ours = FunctionTotals.of(p.weightedStacks(p.sampleTypeIndex(rows.type)));
            assertThat(rows.rows.isEmpty()).isEqualTo(ours.size() == 0);
            for (PprofTopText.Row row : rows.rows) {
                if (row.name().equals("<unknown>") || row.name().startsWith("[")) {
                    continue;
                }
                int i = ours.indexOf(row.name());
                assertThat(i).as("function %s", row.name()).isGreaterThanOrEqualTo(0);
                assertThat((double) ours.self(i)).as("flat of %s", row.name()).isCloseTo(row.flat(),
                        org.assertj.core.data.Offset.offset(row.tolerance()));
                assertThat((double) ours.total(i)).as("cum of %s", row.name()).isCloseTo(row.cum(),
                        org.assertj.core.data.Offset.offset(row.tolerance()));
            }
        }
    }

    /** Our labels as pprof -raw prints them: "k:[v1 v2] k2:[…]" for strings, then the numeric ones likewise. */
    private static List<String> labelLines(LabelSet set) {
        Map<String, List<String>> strings = new TreeMap<>();
        Map<String, List<String>> numbers = new TreeMap<>();
        boolean allUnits = true;
        for (Label l : set.labels()) {
            if (l.isNumeric()) {
                numbers.computeIfAbsent(l.key(), k -> new ArrayList<>())
                        .add(l.unit().isEmpty() ? Long.toString(l.num()) : l.num() + " " + l.unit());
            } else {
                strings.computeIfAbsent(l.key(), k -> new ArrayList<>()).add(l.str());
            }
        }
        List<String> out = new ArrayList<>();
        if (!strings.isEmpty()) {
            out.add(join(strings));
        }
        if (!numbers.isEmpty() && allUnits) {
            out.add(join(numbers));
        }
        return out;
    }

    private static String join(Map<String, List<String>> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(k + ":[" + String.join(" ", v) + "]"));
        return String.join(" ", parts);
    }
}
