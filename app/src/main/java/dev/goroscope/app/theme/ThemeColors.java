package dev.goroscope.app.theme;

/**
 * The colours the Canvas views paint with besides their data colours (frame and state colours stay the same in
 * every theme), as 0xRRGGBB. The controls take the same palette from the stylesheets' looked-up colours.
 *
 * @param background  canvas background
 * @param stripe      every other lane
 * @param header      group header rows and the overview strip
 * @param grid        time grid lines
 * @param border      separators between areas, ruler ticks
 * @param text        labels on the background
 * @param muted       secondary labels
 * @param fadedFrame  what washed-out flame graph boxes (ancestors, non-matches) are blended toward
 * @param fadedText   labels on washed-out boxes
 * @param outline     hover and selection outlines around boxes and spans
 */
public record ThemeColors(int background, int stripe, int header, int grid, int border, int text, int muted,
        int fadedFrame, int fadedText, int outline) {
    public static final ThemeColors LIGHT = new ThemeColors(0xFFFFFF, 0xF7F8FA, 0xECEEF2, 0xE6E8EC, 0xC9CDD4,
            0x1D2027, 0x6B7280, 0xF1F2F5, 0x8A8F99, 0x1D2027);
    public static final ThemeColors DARK = new ThemeColors(0x1E2127, 0x23272E, 0x2C313A, 0x30353E, 0x454B56,
            0xE3E6EB, 0x9AA1AD, 0x2A2E35, 0x7C828D, 0xF2F4F7);
}
