package dev.goroscope.importers.dump;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.model.Dataset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Wherever the chunks are cut and however many threads parse them, a capture reads the same. */
class ChunkBoundaryProperties {
    @Property(tries = 60)
    void anyChunkSizeAndThreadCountGiveTheSameDump(@ForAll("captures") String resource,
            @ForAll @IntRange(min = 1024, max = 40_000) int chunkSize, @ForAll @IntRange(min = 1, max = 4) int threads)
            throws Exception {
        byte[] bytes = Fixtures.bytes(resource);
        Dataset whole = Fixtures.parse(resource, bytes, new DumpImporter(1, DumpImporter.CHUNK_SIZE));
        Dataset parts = Fixtures.parse(resource, bytes, new DumpImporter(threads, chunkSize));
        ChunkingTest.assertSameDump(parts.dump(), whole.dump());
        assertThat(parts.warnings()).isEqualTo(whole.warnings());
    }

    @Provide
    Arbitrary<String> captures() {
        return Arbitraries.of(Fixtures.DUMPS);
    }
}
