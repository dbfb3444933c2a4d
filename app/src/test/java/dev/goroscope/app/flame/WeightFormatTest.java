package dev.goroscope.app.flame;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WeightFormatTest {
    @Test
    void formatsByUnit() {
        assertThat(WeightFormat.format(1, "goroutines")).isEqualTo("1 goroutine");
        assertThat(WeightFormat.format(12345, "goroutines")).isEqualTo("12,345 goroutines");
        assertThat(WeightFormat.format(2_354_000_000L, "nanoseconds")).isEqualTo("2.35 s");
        assertThat(WeightFormat.format(999, "nanoseconds")).isEqualTo("999 ns");
        assertThat(WeightFormat.format(12_400_000, "bytes")).isEqualTo("12.4 MB");
        assertThat(WeightFormat.format(512, "bytes")).isEqualTo("512 B");
        assertThat(WeightFormat.format(7, "count")).isEqualTo("7");
        assertThat(WeightFormat.format(7, "samples")).isEqualTo("7 samples");
    }

    @Test
    void percentagesKeepOneDecimalExceptAtTheEnds() {
        assertThat(WeightFormat.percent(1, 3)).isEqualTo("33.3%");
        assertThat(WeightFormat.percent(3, 3)).isEqualTo("100%");
        assertThat(WeightFormat.percent(0, 3)).isEqualTo("0%");
        assertThat(WeightFormat.percent(1, 0)).isEqualTo("0%");
        assertThat(WeightFormat.percent(2, 100_001)).isEqualTo("<0.1%");
    }
}
