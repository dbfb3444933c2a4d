package dev.goroscope.app.flame;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.TestData;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.flame.FlameLayout;
import org.junit.jupiter.api.Test;

class FlameRowsTest {
    private final CallTree tree = CallTree.of(TestData.dump().dump().stackCounts());

    @Test
    void binarySearchFindsTheSameBoxAsALinearScan() {
        FlameLayout layout = FlameLayout.compute(tree, CallTree.ROOT, 997, 0.5);
        FlameRows rows = FlameRows.of(layout);
        assertThat(rows.rows()).isEqualTo(layout.rows());
        for (int row = -1; row <= layout.rows(); row++) {
            for (double x = -3; x < 1002; x += 0.7) {
                assertThat(rows.boxAt(x, row)).as("x=%s row=%s", x, row).isEqualTo(layout.boxAt(x, row));
            }
        }
    }

    @Test
    void eachRowListsItsBoxesLeftToRight() {
        FlameRows rows = FlameRows.of(FlameLayout.compute(tree, CallTree.ROOT, 640, 0.5));
        int boxes = 0;
        for (int row = 0; row < rows.rows(); row++) {
            for (int i = rows.from(row); i < rows.to(row); i++) {
                assertThat(rows.layout().row(rows.box(i))).isEqualTo(row);
                if (i > rows.from(row)) {
                    assertThat(rows.layout().x(rows.box(i))).isGreaterThan(rows.layout().x(rows.box(i - 1)));
                }
                boxes++;
            }
        }
        assertThat(boxes).isEqualTo(rows.layout().count());
    }
}
