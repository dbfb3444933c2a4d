package dev.goroscope.model.analysis;

import dev.goroscope.model.goroutine.GoroutineArguments;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.stack.StackTable;
import java.nio.charset.StandardCharsets;

/**
 * Builds small dumps for unit tests through {@link GoroutineDump.Builder}, goroutine by goroutine. Frames are written
 * "function file:line", innermost first, as a dump lists them; arguments "0xc000010000, 0x0?" per frame.
 */
final class TestDumps {
    private final StackTable stacks = new StackTable();
    private final GoroutineDump.Builder builder = new GoroutineDump.Builder(stacks);
    private final GoroutineArguments.Builder args = new GoroutineArguments.Builder();
    private boolean withArgs;

    /** Adds a goroutine; {@code status} is the header's word ("chan receive", "running"). */
    TestDumps add(long id, String status, int minutes, String createdBy, long parent, String... frames) {
        return add(id, status, minutes, createdBy, parent, 0, frames, null);
    }

    /** Adds a goroutine whose frames carry the given argument texts (same length as frames). */
    TestDumps addWithArgs(long id, String status, String createdBy, long parent, String[] frames, String[] frameArgs) {
        withArgs = true;
        return add(id, status, 0, createdBy, parent, 0, frames, frameArgs);
    }

    /** Adds a goroutine the goroutineleak profile marked {@code (leaked)}. */
    TestDumps addLeaked(long id, String status, String... frames) {
        return add(id, status, 0, null, -1, GoroutineDump.LEAKED, frames, null);
    }

    TestDumps addLocked(long id, String status, int minutes, String... frames) {
        return add(id, status, minutes, null, -1, GoroutineDump.LOCKED_TO_THREAD, frames, null);
    }

    private TestDumps add(long id, String status, int minutes, String createdBy, long parent, int flags,
            String[] frames, String[] frameArgs) {
        int[] ids = new int[frames.length];
        for (int i = 0; i < frames.length; i++) {
            ids[i] = frame(frames[i]);
        }
        int stack = stacks.internLeafFirst(ids, ids.length);
        GoroutineState state = GoroutineState.ofDumpStatus(status);
        int reason = GoroutineState.isWaitReason(status) ? builder.waitReasons().intern(status) : -1;
        builder.add(id, state, reason, minutes, stack, createdBy == null ? -1 : frame(createdBy), parent, flags);
        args.startGoroutine();
        if (frameArgs != null) {
            for (String a : frameArgs) {
                byte[] b = a.getBytes(StandardCharsets.US_ASCII);
                args.addFrame(b, 0, b.length);
            }
        }
        return this;
    }

    private int frame(String spec) {
        int sp = spec.indexOf(' ');
        String fn = sp < 0 ? spec : spec.substring(0, sp);
        String file = sp < 0 ? "" : spec.substring(sp + 1, spec.lastIndexOf(':'));
        int line = sp < 0 ? 0 : Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1));
        return stacks.frames().intern(fn, file, line);
    }

    GoroutineDump build() {
        if (withArgs) {
            builder.arguments(args.build());
        }
        return builder.build();
    }
}
