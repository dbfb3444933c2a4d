package dev.goroscope.app.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EditorCommandTest {
    private static final Path FILE = Path.of("/src/my app/main.go");
    private static final Map<String, String> ENV = Map.of("EDITOR", "nvim -R");

    @Test
    void expandsFileAndLineInsideWordsWithoutAShell() {
        assertThat(EditorCommand.expand("code -g {file}:{line}", FILE, 42, ENV::get))
                .containsExactly("code", "-g", "/src/my app/main.go:42");
        assertThat(EditorCommand.expand("idea --line {line} {file}", FILE, 7, ENV::get))
                .containsExactly("idea", "--line", "7", "/src/my app/main.go");
    }

    @Test
    void anEnvironmentVariableWordBecomesItsWords() {
        assertThat(EditorCommand.expand("$EDITOR +{line} {file}", FILE, 3, ENV::get))
                .containsExactly("nvim", "-R", "+3", "/src/my app/main.go");
        assertThat(EditorCommand.expand("$VISUAL {file}", FILE, 3, ENV::get)).containsExactly("/src/my app/main.go");
    }

    @Test
    void doubleQuotesGroupWordsAndLineZeroBecomesOne() {
        assertThat(EditorCommand.expand("\"/opt/My Editor/bin/ed\" \"+{line}\"  {file}", FILE, 0, ENV::get))
                .containsExactly("/opt/My Editor/bin/ed", "+1", "/src/my app/main.go");
    }

    @Test
    void aTemplateWithNoProgramIsRefusedInWords() {
        assertThatThrownBy(() -> EditorCommand.expand("  ", FILE, 1, ENV::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no program");
        assertThatThrownBy(() -> EditorCommand.expand("$NOPE", FILE, 1, ENV::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyPresetNamesAFileAndALine() {
        for (String preset : EditorCommand.PRESETS) {
            assertThat(String.join(" ", EditorCommand.expand(preset, FILE, 9, ENV::get))).contains("main.go", "9");
        }
    }
}
