package dev.goroscope.importers.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportLimits;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.Progress;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.goroutine.GoroutineDump;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gives an ImportException naming the file and a line or byte, or a sane result; never anything else. */
class DumpBadInputTest {
    private final DumpImporter importer = new DumpImporter(2, 2048);

    @Test
    void emptyFile() {
        assertFails("empty.txt", new byte[0], "empty.txt: byte 0: the file is empty");
        assertThatThrownBy(() -> Importers.all().read(Importers.bytesSource("empty.txt", new byte[0]), Progress.NONE))
                .isInstanceOf(ImportException.class).hasMessage("empty.txt: byte 0: the file is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dumps/go1.19/crash-traceback-crash.txt", "dumps/go1.26/sigquit-gotraceback-crash.txt",
            "dumps/go1.26/stack-ancestors.txt", "dumps/crasha/goroutine.txt", "dumps/golang-go/test2json-panic.test",
            "dumps/gostackparse/frameselided_goroutine.txt"})
    void cutAtManyOffsets(String resource) throws Exception {
        byte[] full = Fixtures.bytes(resource);
        GoroutineDump whole = Fixtures.parse(resource).dump();
        java.util.Map<String, Long> prints = ChunkingTest.HEADER.matcher(new String(full, StandardCharsets.UTF_8)).results()
                .collect(java.util.stream.Collectors.groupingBy(m -> m.group(1), java.util.stream.Collectors.counting()));
        int step = Math.max(1, full.length / 400);
        for (int cut = 0; cut < full.length; cut += step) {
            byte[] part = Arrays.copyOf(full, cut);
            Dataset data;
            try {
                data = Fixtures.parse("cut.txt", part, importer);
            } catch (ImportException e) {
                assertThat(e.getMessage()).as("cut at %d", cut).matches("cut\\.txt: (line|byte) \\d+: .*");
                assertThat(ChunkingTest.HEADER.matcher(new String(part, StandardCharsets.UTF_8)).find())
                        .as("cut at %d has a goroutine header", cut).isFalse();
                continue;
            }
            GoroutineDump d = data.dump();
            assertThat(d.size()).as("cut at %d", cut).isBetween(1, whole.size());
            for (int g = 0; g + 1 < d.size(); g++) {
                assertThat(d.id(g)).isEqualTo(whole.id(g));
                if (prints.get(String.valueOf(d.id(g))) == 1) {
                    assertThat(d.stacks().framesRootFirst(d.stack(g)).length)
                            .isEqualTo(whole.stacks().framesRootFirst(whole.stack(g)).length);
                }
            }
            if (endsWithHeaderLine(part) || endsInsideFunctionCall(part)) {
                assertThat(data.warnings()).as("cut at %d", cut).anyMatch(w -> w.matches("line \\d+: the dump is cut off .*"));
                int last = d.size() - 1;
                boolean printedBefore = d.has(last, GoroutineDump.STACK_UNAVAILABLE);
                assertThat(d.has(last, GoroutineDump.TRUNCATED) || printedBefore).as("cut at %d", cut).isTrue();
            }
        }
    }

    @Test
    void binaryGarbage() throws Exception {
        byte[] garbage = new byte[200_000];
        new Random(42).nextBytes(garbage);
        assertFails("garbage.bin", garbage, "garbage.bin: line \\d+: no goroutine header .*");
        assertThatThrownBy(() -> Importers.all().read(Importers.bytesSource("garbage.bin", garbage), Progress.NONE))
                .isInstanceOf(ImportException.class).hasMessageStartingWith("garbage.bin: byte 0: not a format");
        byte[] dump = Fixtures.bytes("dumps/crasha/goroutine.txt");
        byte[] mixed = concat(Arrays.copyOf(garbage, 5000), "\n".getBytes(), dump, garbage);
        assertThat(Fixtures.parse("mixed.bin", mixed, importer).dump().size()).isEqualTo(3);
    }

    @Test
    void wrongFormats() {
        assertFails("debug1.txt", Fixtures.bytes("dumps/go1.19/dump-debug1.txt"), "debug1\\.txt: line 233: no goroutine header .*");
        assertFails("golden.json", Fixtures.bytes("dumps/gostackparse/waitsince.golden.json"), "golden\\.json: line \\d+: no goroutine header .*");
        assertThat(new DumpImporter().sniff(Fixtures.bytes("dumps/go1.19/dump-debug1.txt"), 13429))
                .isEqualTo(dev.goroscope.importers.Importer.Confidence.NO);
    }

    @Test
    void tenMegabyteSingleLine() throws Exception {
        byte[] line = new byte[10 << 20];
        Arrays.fill(line, (byte) 'x');
        assertFails("long.txt", line, "long\\.txt: line 1: no goroutine header .*");
        assertThatThrownBy(() -> Importers.all().read(Importers.bytesSource("long.txt", line), Progress.NONE))
                .isInstanceOf(ImportException.class).hasMessageStartingWith("long.txt: byte 0: not a format");
        byte[] dump = Fixtures.bytes("dumps/go1.26/crash-gotraceback-crash.txt");
        Dataset after = Fixtures.parse("after.txt", concat(dump, line, "\n".getBytes()), importer);
        ChunkingTest.assertSameDump(after.dump(), Fixtures.parse("dumps/go1.26/crash-gotraceback-crash.txt").dump());
        byte[] insideGoroutine = concat("goroutine 1 [running]:\nmain.".getBytes(), line, "()\n\t/a.go:1\n".getBytes());
        Dataset inside = Fixtures.parse("inside.txt", insideGoroutine, importer);
        assertThat(inside.dump().stacks().frames().functionName(inside.dump().stacks().frame(inside.dump().stack(0))))
                .hasSize(5 + line.length);
    }

    @Test
    void endlessStackIsCapped() throws Exception {
        byte[] frame = "main.f(...)\n\t/a.go:1\n".getBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("goroutine 1 [running]:\n".getBytes());
        for (int i = 0; i < ImportLimits.DEFAULT.maxStackDepth() + 500; i++) {
            out.write(frame);
        }
        Dataset data = Fixtures.parse("deep.txt", out.toByteArray(), importer);
        assertThat(data.dump().stacks().depth(data.dump().stack(0))).isEqualTo(ImportLimits.DEFAULT.maxStackDepth());
        assertThat(data.dump().has(0, GoroutineDump.FRAMES_ELIDED)).isTrue();
        assertThat(data.warnings()).containsExactly("line 1: goroutine 1 lists more than 8192 frames; the rest are dropped");
    }

    @Test
    void corruptGzip(@TempDir Path dir) throws Exception {
        for (String resource : new String[] {"dumps/crasha/goroutine.txt", "dumps/go1.19/crash-traceback-crash.txt"}) {
            byte[] plain = Fixtures.bytes(resource);
            byte[] big = concat(plain, plain, plain, plain, plain, plain);
            for (byte[] content : new byte[][] {plain, big}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                    gz.write(content);
                }
                byte[] gz = out.toByteArray();
                for (int i = gz.length * 3 / 4; i < gz.length * 3 / 4 + 16; i++) {
                    gz[i] ^= 0x5A;
                }
                Path file = dir.resolve("dump.txt.gz");
                Files.write(file, gz);
                assertThatThrownBy(() -> Importers.all().open(file)).isInstanceOf(ImportException.class)
                        .hasMessageMatching(java.util.regex.Pattern.quote(file.toString()) + ": byte \\d+: cannot read: .*");
            }
        }
    }

    @Test
    void cancelledBetweenChunks() {
        Progress cancelled = new Progress() {
            @Override
            public void update(long done, long total) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> importer.read(Importers.bytesSource("c.txt", Fixtures.bytes("dumps/go1.19/stack-all.txt")), cancelled))
                .isInstanceOf(ImportException.class).hasMessage("c.txt: byte 0: cancelled");
    }

    private void assertFails(String name, byte[] content, String messageRegex) {
        assertThatThrownBy(() -> Fixtures.parse(name, content, importer)).isInstanceOf(ImportException.class)
                .hasMessageMatching(messageRegex);
    }

    private static boolean endsWithHeaderLine(byte[] part) {
        String s = new String(part, StandardCharsets.UTF_8);
        int start = s.lastIndexOf('\n', s.length() - 2) + 1;
        return s.endsWith("]:\n") && s.startsWith("goroutine ", start) && !s.startsWith("goroutine 0 ", start);
    }

    /** The cut falls in a function line of a goroutine (not an M's goroutine 0), before its closing parenthesis. */
    private static boolean endsInsideFunctionCall(byte[] part) {
        String s = new String(part, StandardCharsets.UTF_8);
        String last = s.substring(s.lastIndexOf('\n') + 1);
        String block = s.substring(s.lastIndexOf("\n\n") + 2);
        String firstLine = block.substring(0, Math.max(0, block.indexOf('\n') + 1));
        return last.matches("[a-z][\\w./*()\\[\\]]*\\([^)]*") && !block.equals(last)
                && ChunkingTest.HEADER.matcher(firstLine).find() && !block.contains("\ncreated by ");
    }

    private static byte[] concat(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p);
        }
        return out.toByteArray();
    }
}
