package dev.goroscope.app.leaks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeakCellsTest {
    @Test
    void diffColoursAreRedForMoreBlueForLessGreyForEqualAndStrongerForLargerChanges() {
        int more = DiffColors.of(10, 10);
        int less = DiffColors.of(-10, 10);
        int slightlyMore = DiffColors.of(1, 10);
        assertThat(red(more)).isGreaterThan(blue(more));
        assertThat(blue(less)).isGreaterThan(red(less));
        assertThat(DiffColors.of(0, 10)).isEqualTo(DiffColors.SAME);
        assertThat(green(more)).isLessThan(green(slightlyMore));
    }

    @Test
    void theWaitHistogramDrawsOneBarPerBucketScaledToTheLargest() {
        assertThat(GroupCells.histogram(new int[] {0, 0, 0, 0, 0, 0, 0})).isEmpty();
        assertThat(GroupCells.histogram(new int[] {8, 0, 1, 0, 0, 0, 4})).isEqualTo("█ ▁   ▄");
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xff;
    }

    private static int green(int rgb) {
        return (rgb >> 8) & 0xff;
    }

    private static int blue(int rgb) {
        return rgb & 0xff;
    }
}
