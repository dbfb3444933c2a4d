package dev.goroscope.model.timeline;

/**
 * The colours of goroutine states, as {@code 0xRRGGBB}, defined once so that every view (timeline canvas, SVG and
 * PNG export, goroutine table) agrees. Indexed by {@link SpanKind}. Running is green, runnable (waiting for a P)
 * amber, system calls blue; waiting is shaded by reason: channels and select in violet tones, sync (locks) red,
 * network I/O cyan, sleep grey, GC assist/wait brown.
 */
public final class StatePalette {
    private static final int[] KIND = {
        0xD9DCE1, // idle
        0xE8B23A, // runnable
        0x3AA55D, // running
        0x4A7FD0, // syscall
        0xB48ED6, // chan
        0x8E6FC0, // select
        0xD9594C, // sync
        0x4FB8CF, // io
        0xBFC4CC, // sleep
        0xA8744F, // gc
        0x9AA5B1, // other wait
    };

    /** GC cycle rows. */
    public static final int GC = 0xC97B48;
    /** Stop-the-world rows. */
    public static final int STW = 0xC0392B;
    /** Counter plots. */
    public static final int COUNTER = 0x5B7DB1;
    /** Outline of a merged (level-of-detail) run. */
    public static final int MERGED_OUTLINE = 0x5A6270;

    private StatePalette() {
    }

    /** The colour of a {@link SpanKind}. */
    public static int color(int kind) {
        return KIND[kind];
    }
}
