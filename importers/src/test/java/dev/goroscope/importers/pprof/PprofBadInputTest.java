package dev.goroscope.importers.pprof;

import static dev.goroscope.importers.pprof.PprofConformanceTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.ImportLimits;
import dev.goroscope.importers.InflateLimit;
import dev.goroscope.importers.Progress;
import dev.goroscope.importers.pprof.proto.PprofProto;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Damaged and hostile inputs, made in the test from real profiles: each must give a clear ImportException. */
class PprofBadInputTest {
    private static final String NAME = "bad.pb";

    private static byte[] gunzipped(String resource) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(resource(resource)))) {
            return in.readAllBytes();
        }
    }

    private static PprofProto.Profile parsed(String resource) throws IOException {
        return PprofProto.Profile.parseFrom(gunzipped(resource));
    }

    private static ImportException fail(byte[] content) {
        return catchThrowableOfType(() -> Importers.all().read(Importers.bytesSource(NAME, content), Progress.NONE),
                ImportException.class);
    }

    private static ImportException failReading(byte[] content) {
        return catchThrowableOfType(() -> new PprofImporter().read(Importers.bytesSource(NAME, content), Progress.NONE),
                ImportException.class);
    }

    @Test
    void everyTruncationIsReportedWithItsByteOffset() throws Exception {
        byte[] cpu = gunzipped("go1.19/cpu.pb.gz");
        Set<Integer> boundaries = fieldBoundaries(cpu);
        int reported = 0;
        for (int cut = 1; cut < cpu.length; cut += 5) {
            ImportException e = failReading(Arrays.copyOf(cpu, cut));
            if (e == null) {
                assertThat(boundaries).as("cut at %d parsed", cut).contains(cut);
                continue;
            }
            reported++;
            assertThat(e.getMessage()).startsWith(NAME + ": byte ");
            assertThat(Long.parseLong(e.where().substring("byte ".length()))).isLessThan(cut);
        }
        assertThat(reported).isGreaterThan(cpu.length / 5 - boundaries.size());
    }

    /** Offsets where a top-level field ends: a profile cut there is well-formed, if incomplete. */
    private static Set<Integer> fieldBoundaries(byte[] profile) throws IOException {
        Set<Integer> out = new HashSet<>();
        CodedInputStream in = CodedInputStream.newInstance(profile);
        while (in.readTag() != 0) {
            in.skipField(in.getLastTag());
            out.add(in.getTotalBytesRead());
        }
        return out;
    }

    @Test
    void aProfileCutInsideAMessageNamesItAndWhereItStarts() throws Exception {
        byte[] cpu = gunzipped("go1.19/cpu.pb.gz");
        assertThat(failReading(Arrays.copyOf(cpu, 40)).getMessage())
                .isEqualTo(NAME + ": byte 39: the profile is cut off inside this location (or a length in it is wrong)");
    }

    @Test
    void flippedBytesNeverEscapeAsAnythingButImportException() throws Exception {
        byte[] original = gunzipped("go1.19/mutex.pb.gz");
        Random random = new Random(42);
        int failures = 0;
        for (int round = 0; round < 1500; round++) {
            byte[] b = original.clone();
            for (int k = 0; k <= round % 3; k++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            try {
                new PprofImporter().read(Importers.bytesSource(NAME, b), Progress.NONE);
            } catch (ImportException e) {
                failures++;
                assertThat(e.getMessage()).startsWith(NAME + ": ");
            }
        }
        assertThat(failures).isPositive();
    }

    @Test
    void aKnownFieldWithTheWrongWireTypeIsNamed() throws Exception {
        byte[] cpu = gunzipped("go1.19/cpu.pb.gz");
        byte[] bad = Arrays.copyOf(cpu, cpu.length + 2);
        bad[cpu.length] = 0x10;
        bad[cpu.length + 1] = 0x01;
        ImportException e = failReading(bad);
        assertThat(e.getMessage()).isEqualTo(NAME + ": byte " + cpu.length + ": sample has wire type varint, expected "
                + "length-delimited: this is not a pprof profile, or a damaged one");
    }

    @Test
    void stringIndexesOutOfRangeAreReported() throws Exception {
        PprofProto.Profile p = parsed("go1.19/cpu.pb.gz");
        PprofProto.Profile bad = p.toBuilder()
                .setFunction(2, p.getFunction(2).toBuilder().setName(99_999))
                .build();
        ImportException e = failReading(bad.toByteArray());
        assertThat(e.problem()).isEqualTo("this function's name refers to string 99999 but the string table has "
                + p.getStringTableCount() + " entries");
        assertThat(e.where()).matches("byte \\d+");
    }

    @Test
    void aLocationIdNoLocationHasIsReported() throws Exception {
        PprofProto.Profile p = parsed("go1.19/cpu.pb.gz");
        PprofProto.Profile bad = p.toBuilder()
                .setSample(3, p.getSample(3).toBuilder().setLocationId(0, 777_777))
                .build();
        ImportException e = failReading(bad.toByteArray());
        assertThat(e.problem()).isEqualTo("this sample refers to location id 777777, which the profile does not define");
        assertThat(e.where()).matches("byte \\d+");
    }

    @Test
    void aFunctionIdNoFunctionHasIsReported() throws Exception {
        PprofProto.Profile p = parsed("go1.19/cpu.pb.gz");
        PprofProto.Location loc = p.getLocation(0);
        PprofProto.Profile bad = p.toBuilder()
                .setLocation(0, loc.toBuilder().setLine(0, loc.getLine(0).toBuilder().setFunctionId(555)))
                .build();
        ImportException e = failReading(bad.toByteArray());
        assertThat(e.problem()).isEqualTo("location id " + loc.getId() + " refers to function id 555, which the "
                + "profile does not define");
    }

    @Test
    void duplicateAndZeroIdsAreReported() throws Exception {
        PprofProto.Profile p = parsed("go1.19/cpu.pb.gz");
        assertThat(failReading(p.toBuilder().addLocation(p.getLocation(0)).build().toByteArray()).problem())
                .isEqualTo("location id " + p.getLocation(0).getId() + " is defined twice");
        assertThat(failReading(p.toBuilder().setFunction(0, p.getFunction(0).toBuilder().setId(0)).build()
                .toByteArray()).problem()).isEqualTo("this function has id 0; ids must be nonzero");
    }

    @Test
    void samplesMustHaveOneValuePerSampleType() throws Exception {
        PprofProto.Profile p = parsed("go1.19/cpu.pb.gz");
        PprofProto.Profile oneValueMore = p.toBuilder().setSample(2, p.getSample(2).toBuilder().addValue(5)).build();
        assertThat(failReading(oneValueMore.toByteArray()).problem())
                .matches("this sample has 3 values but the first one \\(at byte \\d+\\) has 2");
        PprofProto.Profile typeMissing = p.toBuilder().removeSampleType(0).build();
        assertThat(failReading(typeMissing.toByteArray()).problem())
                .isEqualTo("the first sample has 2 values but the profile has 1 sample types");
    }

    @Test
    void aStringTableNotStartingEmptyOrMissingIsReported() throws Exception {
        PprofProto.Profile p = parsed("go1.19/cpu.pb.gz");
        assertThat(failReading(p.toBuilder().setStringTable(0, "x").build().toByteArray()).problem())
                .startsWith("the string table must start with an empty string");
        assertThat(failReading(p.toBuilder().clearStringTable().build().toByteArray()).problem())
                .startsWith("the profile has no string table");
    }

    @Test
    void aGzipBombIsRefusedBeforeItExhaustsMemory() throws Exception {
        byte[] header = gunzipped("go1.19/cpu.pb.gz");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(header);
            CodedOutputStream tag = CodedOutputStream.newInstance(out);
            tag.writeTag(6, 2);
            tag.writeUInt32NoTag(150 << 20);
            tag.flush();
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 72; i++) {
                out.write(zeros);
            }
        }
        byte[] bomb = gz.toByteArray();
        assertThat(bomb.length).isLessThan(200_000);
        ImportException e = fail(bomb);
        assertThat(e.getMessage()).startsWith(NAME + ": byte " + header.length + ": cannot read this string_table: "
                + "gzip content expands more than 250 times").contains("gzip bomb");
    }

    @Test
    void theAbsoluteDecompressedLimitHolds() throws Exception {
        byte[] cpu = Files.readAllBytes(resource("go1.19/cpu.pb.gz"));
        InflateLimit tiny = new InflateLimit(1000, 250, 0);
        ImportException e = catchThrowableOfType(
                () -> new PprofImporter().read(Importers.bytesSource(NAME, cpu, ImportLimits.DEFAULT.withInflate(tiny)),
                        Progress.NONE),
                ImportException.class);
        assertThat(e.problem()).contains("larger than 1000 B, the most Goroscope opens");
    }

    @Test
    void corruptOrCutGzipIsReported() throws Exception {
        byte[] gz = Files.readAllBytes(resource("go1.19/cpu.pb.gz"));
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        assertThat(failReading(cut).problem()).contains("compressed stream is cut off");
        byte[] corrupt = gz.clone();
        for (int i = 30; i < 60; i++) {
            corrupt[i] = (byte) 0xff;
        }
        ImportException e = fail(corrupt);
        assertThat(e.getMessage()).startsWith(NAME + ": ");
    }

    @Test
    void emptyAndTextInputsAreNotProfiles() {
        assertThat(fail(new byte[0]).problem()).isEqualTo("the file is empty");
        assertThat(failReading(new byte[0]).problem()).startsWith("the profile has no string table");
        byte[] line = new byte[10 << 20];
        Arrays.fill(line, (byte) 'x');
        assertThat(fail(line).problem()).startsWith("not a format Goroscope reads");
        assertThat(failReading(line).getMessage()).startsWith(NAME + ": byte ");
        byte[] hugeLength = {0x0a, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x06};
        assertThat(failReading(hugeLength).getMessage()).isEqualTo(NAME + ": byte 0: the profile is cut off inside "
                + "this sample_type (or a length in it is wrong)");
        byte[] negativeLength = {0x12, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
            (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01};
        assertThat(failReading(negativeLength).getMessage()).isEqualTo(NAME + ": byte 0: a length in this sample "
                + "is negative");
    }

    @Test
    void legacyProfilesSaySoAndHowToConvert() {
        for (String f : new String[] {"go.crc32.cpu", "gobench.heap", "cppbench.contention"}) {
            assertThatThrownBy(() -> Importers.all().open(resource("legacy/" + f)))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining("legacy")
                    .hasMessageContaining("go tool pprof -proto");
        }
    }
}
