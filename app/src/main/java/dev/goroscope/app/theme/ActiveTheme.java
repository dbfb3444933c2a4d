package dev.goroscope.app.theme;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Scene;

/**
 * The theme the app shows now, one for all windows: scenes styled through {@link #style} switch their stylesheets
 * when it changes (for as long as the scene lives), and the Canvas views listen to {@link #property()} to repaint with its colours. Popups take
 * their owner's stylesheets when they open. FX thread only.
 */
public final class ActiveTheme {
    private static final ReadOnlyObjectWrapper<Theme> THEME = new ReadOnlyObjectWrapper<>(Theme.LIGHT);

    private ActiveTheme() {
    }

    public static ReadOnlyObjectProperty<Theme> property() {
        return THEME.getReadOnlyProperty();
    }

    public static Theme get() {
        return THEME.get();
    }

    /** The Canvas colours of the active theme. */
    public static ThemeColors colors() {
        return THEME.get().colors();
    }

    public static void set(Theme theme) {
        THEME.set(theme);
    }

    /** Gives {@code scene} the active theme's stylesheets now and whenever the theme changes. */
    public static void style(Scene scene) {
        scene.getStylesheets().setAll(get().stylesheets());
        ChangeListener<Theme> restyle = (o, a, b) -> scene.getStylesheets().setAll(b.stylesheets());
        scene.getProperties().put(ActiveTheme.class, restyle);
        THEME.addListener(new WeakChangeListener<>(restyle));
    }
}
