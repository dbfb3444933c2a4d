package dev.goroscope.model.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void nanosecondsPickTheLargestUnitAtOrAboveOne() {
        assertThat(Units.nanos(0)).isEqualTo("0 ns");
        assertThat(Units.nanos(12)).isEqualTo("12 ns");
        assertThat(Units.nanos(3_450)).isEqualTo("3.45 µs");
        assertThat(Units.nanos(870_000_000)).isEqualTo("870 ms");
        assertThat(Units.nanos(3_200_000_000L)).isEqualTo("3.2 s");
        assertThat(Units.nanos(10_000_000L)).isEqualTo("10 ms");
        assertThat(Units.nanos(1_234_000_000_000L)).isEqualTo("1,234 s");
    }

    @Test
    void roundingUpToTheNextUnitMovesToThatUnit() {
        assertThat(Units.nanos(999_999)).isEqualTo("1 ms");
        assertThat(Units.bytes(1_048_575)).isEqualTo("1 MiB");
    }

    @Test
    void bytesUseBinaryUnits() {
        assertThat(Units.bytes(512)).isEqualTo("512 B");
        assertThat(Units.bytes(2048)).isEqualTo("2 KiB");
        assertThat(Units.bytes(1_268_777)).isEqualTo("1.21 MiB");
        assertThat(Units.bytes(3L << 30)).isEqualTo("3 GiB");
        assertThat(Units.bytes(-16384)).isEqualTo("-16 KiB");
    }

    @Test
    void formatDispatchesOnPprofUnitNames() {
        assertThat(Units.format(2_500_000, "nanoseconds")).isEqualTo("2.5 ms");
        assertThat(Units.format(1500, "microseconds")).isEqualTo("1.5 ms");
        assertThat(Units.format(2, "seconds")).isEqualTo("2 s");
        assertThat(Units.format(16384, "bytes")).isEqualTo("16 KiB");
        assertThat(Units.format(4805, "count")).isEqualTo("4,805");
        assertThat(Units.format(37, "goroutines")).isEqualTo("37");
    }

    @Test
    void percentHasOneDecimalAndADashForNoTotal() {
        assertThat(Units.percent(320, 331)).isEqualTo("96.7%");
        assertThat(Units.percent(1, 0)).isEqualTo("-");
    }
}
