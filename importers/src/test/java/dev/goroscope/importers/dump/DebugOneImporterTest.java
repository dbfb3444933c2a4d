package dev.goroscope.importers.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Importer;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.Progress;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.profile.SampleType;
import java.util.Arrays;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** The debug=1 text of count profiles, on the Go 1.19 capture (with its truth) and pprof's threadcreate sample. */
class DebugOneImporterTest {
    private final DebugOneImporter importer = new DebugOneImporter();

    private Dataset read(String name, byte[] content) throws ImportException {
        return importer.read(Importers.bytesSource(name, content), Progress.NONE);
    }

    @Test
    void goroutineProfileMatchesTruth() throws Exception {
        Dataset data = read("dump-debug1.txt", Fixtures.bytes("dumps/go1.19/dump-debug1.txt"));
        assertThat(data.format()).isEqualTo("goroutine profile (debug=1)");
        assertThat(data.dump()).isNull();
        assertThat(data.warnings()).isEmpty();
        Profile p = data.profiles().get(0);
        JsonNode truth = Go119TruthTest.truth();
        JsonNode info = truth.get("files").get("dump-debug1.txt");
        assertThat(p.kind()).isEqualTo("goroutine");
        assertThat(p.sampleTypes()).containsExactly(new SampleType("goroutine", "count"));
        assertThat(p.total(0)).isEqualTo(info.get("total_line").asLong());
        assertThat(p.sampleCount()).isEqualTo(info.get("groups").asInt());
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (JsonNode c : truth.get("checks")) {
            String check = c.get("check").asText();
            if (!c.get("file").asText().equals("dump-debug1.txt")) {
                continue;
            }
            Long got = null;
            if (check.startsWith("goroutines with func ")) {
                got = withFunction(p, check.substring("goroutines with func ".length()));
            } else if (check.equals("total") || check.equals("sum of group counts equals total line")) {
                got = p.total(0);
            }
            if (got != null) {
                soft.assertThat(Go119TruthTest.holds(c.get("expected").asText(), got)).as("%s got %d", check, got).isTrue();
                checked++;
            }
        }
        soft.assertAll();
        assertThat(checked).isEqualTo(38);
        int deepest = 0;
        for (int s = 0; s < p.sampleCount(); s++) {
            deepest = Math.max(deepest, p.stacks().depth(p.sampleStack()[s]));
        }
        // The truth counts a record's PCs (at most 32 in Go 1.19); the '#' lines hide the leading runtime frames
        // of the deepest record (runtime.gopark, chanrecv, chanrecv1), which are among them.
        assertThat(deepest).isEqualTo(info.get("max_frames_in_group").asInt() - 3);
    }

    @Test
    void threadcreateProfileWithoutSymbols() throws Exception {
        Dataset data = read("go.godoc.thread", Fixtures.bytes("dumps/google-pprof/go.godoc.thread"));
        Profile p = data.profiles().get(0);
        assertThat(p.kind()).isEqualTo("threadcreate");
        assertThat(p.sampleTypes()).containsExactly(new SampleType("threadcreate", "count"));
        assertThat(p.sampleCount()).isEqualTo(7);
        assertThat(p.total(0)).isEqualTo(7);
        assertThat(p.stacks().frames().functionName(p.stacks().frame(p.sampleStack()[6]))).isEqualTo("0x440e2");
        assertThat(p.stacks().depth(p.sampleStack()[0])).isEqualTo(9);
    }

    @Test
    void sniffing() {
        byte[] debug1 = Fixtures.bytes("dumps/go1.19/dump-debug1.txt");
        byte[] thread = Fixtures.bytes("dumps/google-pprof/go.godoc.thread");
        byte[] dump = Fixtures.bytes("dumps/go1.19/dump-debug2.txt");
        assertThat(importer.sniff(debug1, debug1.length)).isEqualTo(Importer.Confidence.YES);
        assertThat(importer.sniff(thread, thread.length)).isEqualTo(Importer.Confidence.YES);
        assertThat(importer.sniff(dump, dump.length)).isEqualTo(Importer.Confidence.NO);
    }

    @Test
    void badInput() throws Exception {
        assertThatThrownBy(() -> read("e.txt", new byte[0])).isInstanceOf(ImportException.class).hasMessage("e.txt: byte 0: the file is empty");
        assertThatThrownBy(() -> read("d.txt", Fixtures.bytes("dumps/crasha/goroutine.txt"))).isInstanceOf(ImportException.class)
                .hasMessage("d.txt: line 1: expected 'NAME profile: total N'");
        byte[] garbage = new byte[100_000];
        new Random(7).nextBytes(garbage);
        assertThatThrownBy(() -> read("g.bin", garbage)).isInstanceOf(ImportException.class).hasMessageMatching("g\\.bin: line \\d+: expected .*");
        byte[] line = new byte[10 << 20];
        Arrays.fill(line, (byte) '7');
        assertThatThrownBy(() -> read("l.txt", line)).isInstanceOf(ImportException.class).hasMessage("l.txt: line 1: line longer than 4 MiB: not a text format Goroscope reads");
    }

    @Test
    void cutAtManyOffsets() throws Exception {
        byte[] full = Fixtures.bytes("dumps/go1.19/dump-debug1.txt");
        for (int cut = 0; cut < full.length; cut += 37) {
            try {
                Dataset data = read("cut.txt", Arrays.copyOf(full, cut));
                Profile p = data.profiles().get(0);
                assertThat(p.total(0)).as("cut at %d", cut).isBetween(0L, 59L);
                if (p.total(0) < 59) {
                    assertThat(data.warnings()).as("cut at %d", cut).anyMatch(w -> w.startsWith("the header says total 59"));
                }
            } catch (ImportException e) {
                assertThat(e.getMessage()).as("cut at %d", cut).matches("cut\\.txt: (line|byte) \\d+: .*");
                assertThat(cut).isLessThan(30);
            }
        }
    }

    private static long withFunction(Profile p, String name) {
        int fn = p.stacks().frames().strings().find(name);
        long n = 0;
        for (int s = 0; s < p.sampleCount(); s++) {
            if (fn >= 0 && p.stacks().containsFunction(p.sampleStack()[s], fn)) {
                n += p.values()[0][s];
            }
        }
        return n;
    }
}
