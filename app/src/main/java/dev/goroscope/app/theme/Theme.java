package dev.goroscope.app.theme;

import java.util.List;

/**
 * A look for the whole app: the stylesheets of the controls (every colour in them is a looked-up colour that the
 * theme's sheet defines on {@code .root}) and the {@link ThemeColors} of the Canvas views.
 */
public enum Theme {
    LIGHT("light", "Light", ThemeColors.LIGHT, List.of("goroscope.css")),
    DARK("dark", "Dark", ThemeColors.DARK, List.of("goroscope.css", "dark.css"));

    private final String id;
    private final String label;
    private final ThemeColors colors;
    private final List<String> sheets;

    Theme(String id, String label, ThemeColors colors, List<String> sheets) {
        this.id = id;
        this.label = label;
        this.colors = colors;
        this.sheets = sheets;
    }

    /** The theme saved as {@code id} in the settings; light for anything else. */
    public static Theme of(String id) {
        return DARK.id.equals(id) ? DARK : LIGHT;
    }

    /** The name the settings store. */
    public String id() {
        return id;
    }

    public ThemeColors colors() {
        return colors;
    }

    /** The stylesheet URLs a scene takes, in order. */
    public List<String> stylesheets() {
        return sheets.stream()
                .map(s -> Theme.class.getResource("/dev/goroscope/app/" + s).toExternalForm())
                .toList();
    }

    @Override
    public String toString() {
        return label;
    }
}
