package dev.goroscope.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class DecimalsAndQuantitiesTest {
    private static String fixed(double v, int decimals) {
        return Decimals.append(new StringBuilder(), v, decimals).toString();
    }

    @Test
    void fixedDecimalsRoundHalfUpAndPad() {
        assertThat(fixed(12, 1)).isEqualTo("12.0");
        assertThat(fixed(0.05, 1)).isEqualTo("0.1");
        assertThat(fixed(3.04999, 1)).isEqualTo("3.0");
        assertThat(fixed(1179.96, 1)).isEqualTo("1180.0");
        assertThat(fixed(3.05, 2)).isEqualTo("3.05");
        assertThat(fixed(7.001, 2)).isEqualTo("7.00");
        assertThat(fixed(-2.25, 1)).isEqualTo("-2.3");
        assertThat(fixed(-0.01, 1)).isEqualTo("0.0");
        assertThat(fixed(42.4, 0)).isEqualTo("42");
        assertThat(Decimals.round1(10.25)).isEqualTo(10.3);
    }

    @Test
    void fixedDecimalsAgreeWithStringFormatOverARange() {
        for (int i = 0; i < 20_000; i++) {
            double v = i * 0.0371;
            assertThat(fixed(v, 1)).isEqualTo(String.format(Locale.ROOT, "%.1f", Decimals.round1(v)));
        }
    }

    @Test
    void quantitiesReadLikePeopleWriteThem() {
        assertThat(Quantities.format(1, "goroutines")).isEqualTo("1 goroutine");
        assertThat(Quantities.format(57, "goroutines")).isEqualTo("57 goroutines");
        assertThat(Quantities.format(999, "nanoseconds")).isEqualTo("999 ns");
        assertThat(Quantities.format(1_500, "nanoseconds")).isEqualTo("1.50 µs");
        assertThat(Quantities.format(21_060_000_000L, "nanoseconds")).isEqualTo("21.06 s");
        assertThat(Quantities.format(2_500_000, "nanoseconds")).isEqualTo("2.50 ms");
        assertThat(Quantities.format(512, "bytes")).isEqualTo("512 B");
        assertThat(Quantities.format(3 * 1024 * 1024 / 2, "bytes")).isEqualTo("1.50 MiB");
        assertThat(Quantities.format(12, "count")).isEqualTo("12");
        assertThat(Quantities.format(3, "contentions")).isEqualTo("3 contentions");
    }
}
