package dev.goroscope.app.source;

import dev.goroscope.model.stack.FrameTable;

/**
 * One stack frame as a link to its source: what a stack list (a goroutine's stack, a span's blocking stack) hands
 * to the source pane when the user clicks a frame's file:line.
 */
public record FrameLink(FrameTable frames, int frame) {
    public String function() {
        return frames.functionName(frame);
    }

    /** "file:line", empty when the frame records no file. */
    public String location() {
        String file = frames.fileName(frame);
        return file.isEmpty() ? "" : file + ":" + frames.line(frame);
    }
}
