package dev.goroscope.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.source.EditorCommand;
import dev.goroscope.app.source.PathMapping;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private final Settings settings = new Settings(new MemoryPreferences());

    @Test
    void pathMappingsRoundTripAndTheNewestIsTriedFirst() {
        settings.setPathMappings(List.of(new PathMapping("a/", "/x"), PathMapping.root("/y"), new PathMapping("c/", "/z")));
        settings.addPathMapping(new PathMapping("b/", "/w"));
        assertThat(settings.pathMappings()).containsExactly(new PathMapping("b/", "/w"), new PathMapping("a/", "/x"),
                PathMapping.root("/y"), new PathMapping("c/", "/z"));
        settings.setPathMappings(List.of(PathMapping.root("/only")));
        assertThat(settings.pathMappings()).containsExactly(PathMapping.root("/only"));
        assertThat(settings.node().get("mapping.3.directory", null)).isNull();
    }

    @Test
    void defaultsBeforeAnythingIsSaved() {
        assertThat(settings.editorCommand()).isEqualTo(EditorCommand.DEFAULT);
        assertThat(settings.theme()).isEqualTo("light");
        assertThat(settings.windowWidth()).isEqualTo(1280);
        settings.setEditorCommand("idea --line {line} {file}");
        settings.setWindowSize(900, 700);
        assertThat(settings.editorCommand()).isEqualTo("idea --line {line} {file}");
        assertThat(settings.windowHeight()).isEqualTo(700);
    }
}
