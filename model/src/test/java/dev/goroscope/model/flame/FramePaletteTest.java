package dev.goroscope.model.flame;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FramePaletteTest {
    private static float hue(int rgb) {
        return java.awt.Color.RGBtoHSB((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, null)[0];
    }

    @Test
    void colourIsStableAndFunctionsOfOnePackageShareTheHueButNotTheShade() {
        assertThat(FramePalette.colorOf("main.leakChanSend")).isEqualTo(FramePalette.colorOf("main.leakChanSend"));
        int a = FramePalette.colorOf("main.leakChanSend");
        int b = FramePalette.colorOf("main.leakChanReceive");
        assertThat(a).isNotEqualTo(b);
        assertThat(Math.abs(hue(a) - hue(b))).isLessThan(0.02f);
    }

    @Test
    void runtimeIsWarmerThanUserCode() {
        float runtime = hue(FramePalette.colorOf("runtime.gopark"));
        assertThat(runtime < 0.05f || runtime > 0.95f).isTrue();
        assertThat(hue(FramePalette.colorOf("github.com/x/y.F"))).isBetween(0.2f, 0.85f);
    }
}
