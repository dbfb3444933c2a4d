package dev.goroscope.app.settings;

import dev.goroscope.app.source.EditorCommand;
import dev.goroscope.app.source.PathMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * What the app remembers between runs, in a {@link Preferences} node: source path mappings, the editor command,
 * GOROOT, the theme, the window's size and place, and whether changed files reload by themselves. Reads and writes
 * go straight to the node.
 */
public final class Settings {
    private static final String MAPPINGS = "mapping.count";
    private final Preferences node;

    public Settings(Preferences node) {
        this.node = node;
    }

    /** The user's settings node, shared with {@code RecentFiles}. */
    public static Settings user() {
        return new Settings(Preferences.userRoot().node("dev/goroscope"));
    }

    public Preferences node() {
        return node;
    }

    public List<PathMapping> pathMappings() {
        List<PathMapping> out = new ArrayList<>();
        int n = node.getInt(MAPPINGS, 0);
        for (int i = 0; i < n; i++) {
            String dir = node.get("mapping." + i + ".directory", null);
            if (dir != null && !dir.isBlank()) {
                out.add(new PathMapping(node.get("mapping." + i + ".prefix", ""), dir));
            }
        }
        return out;
    }

    public void setPathMappings(List<PathMapping> mappings) {
        int old = node.getInt(MAPPINGS, 0);
        for (int i = 0; i < Math.max(old, mappings.size()); i++) {
            if (i < mappings.size()) {
                node.put("mapping." + i + ".prefix", mappings.get(i).prefix());
                node.put("mapping." + i + ".directory", mappings.get(i).directory());
            } else {
                node.remove("mapping." + i + ".prefix");
                node.remove("mapping." + i + ".directory");
            }
        }
        node.putInt(MAPPINGS, mappings.size());
    }

    /** Adds {@code m} before the others so it is tried first. */
    public void addPathMapping(PathMapping m) {
        List<PathMapping> list = new ArrayList<>(pathMappings());
        list.remove(m);
        list.add(0, m);
        setPathMappings(list);
    }

    public String editorCommand() {
        return node.get("editor.command", EditorCommand.DEFAULT);
    }

    public void setEditorCommand(String template) {
        node.put("editor.command", template);
    }

    /** GOROOT set by hand, used when {@code go env} cannot tell; empty when unset. */
    public String goRoot() {
        return node.get("go.root", "");
    }

    public void setGoRoot(String dir) {
        node.put("go.root", dir);
    }

    public String theme() {
        return node.get("theme", "light");
    }

    public void setTheme(String theme) {
        node.put("theme", theme);
    }

    public double windowWidth() {
        return node.getDouble("window.width", 1280);
    }

    public double windowHeight() {
        return node.getDouble("window.height", 820);
    }

    public void setWindowSize(double width, double height) {
        node.putDouble("window.width", width);
        node.putDouble("window.height", height);
    }

    /** The window's last left edge on the desktop, NaN before the first run ends. */
    public double windowX() {
        return node.getDouble("window.x", Double.NaN);
    }

    public double windowY() {
        return node.getDouble("window.y", Double.NaN);
    }

    public void setWindowPosition(double x, double y) {
        node.putDouble("window.x", x);
        node.putDouble("window.y", y);
    }

    public boolean windowMaximized() {
        return node.getBoolean("window.maximized", false);
    }

    public void setWindowMaximized(boolean maximized) {
        node.putBoolean("window.maximized", maximized);
    }

    /** Whether a tab whose file changed on disk reloads without asking. */
    public boolean reloadAutomatically() {
        return node.getBoolean("reload.automatic", false);
    }

    public void setReloadAutomatically(boolean automatic) {
        node.putBoolean("reload.automatic", automatic);
    }
}
