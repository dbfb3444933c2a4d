package dev.goroscope.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentFilesTest {
    @Test
    void mostRecentFirstWithoutDuplicatesAndAtMostTen() {
        List<List<Path>> saved = new ArrayList<>();
        RecentFiles recent = new RecentFiles(List.of(), saved::add);
        for (int i = 0; i < 12; i++) {
            recent.add(Path.of("/tmp/f" + i));
        }
        recent.add(Path.of("/tmp/f5"));
        assertThat(recent.files()).hasSize(RecentFiles.LIMIT);
        assertThat(recent.files().get(0)).isEqualTo(Path.of("/tmp/f5"));
        assertThat(recent.files().get(1)).isEqualTo(Path.of("/tmp/f11"));
        assertThat(recent.files()).doesNotHaveDuplicates().doesNotContain(Path.of("/tmp/f0"), Path.of("/tmp/f1"));
        assertThat(saved.get(saved.size() - 1)).isEqualTo(recent.files());
    }
}
