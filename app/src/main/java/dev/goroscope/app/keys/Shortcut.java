package dev.goroscope.app.keys;

import javafx.scene.input.KeyCombination;

/** A key combination and what it does, as the shortcut overlay lists it. */
public record Shortcut(KeyCombination keys, String action) {
    /** The combination as the platform writes it ("Ctrl+O", "⌘O"). */
    public String label() {
        return keys.getDisplayText();
    }
}
