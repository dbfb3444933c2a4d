package dev.goroscope.importers.dump;

import dev.goroscope.importers.ImportLimits;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.stack.FrameTable;
import java.util.Arrays;
import java.util.List;

/**
 * Parses one chunk of a goroutine dump (the file cut just before goroutine header lines) into chunk-local
 * tables, line by line, straight from the bytes. Lines that belong to no goroutine (log text before the dump,
 * {@code exit status 2} after it, register dumps, {@code runtime stack:} sections, an M's {@code goroutine 0}
 * stack) are skipped; a function line is a frame only when a FILE:LINE line follows it.
 */
final class ChunkParser {
    private static final int TEXT = 0;
    private static final int SKIP = 1;
    private static final int FRAMES = 2;
    private static final int PENDING_FUNCTION = 3;
    private static final int PENDING_CREATED_BY = 4;
    private static final byte USER = 1;
    private static final byte RUNTIME = 2;
    private static final byte GOEXIT = 3;
    private static final String CREATED_BY = "created by ";
    private static final String IN_GOROUTINE = " in goroutine ";
    private static final String ORIGINATING = "[originating from goroutine ";

    private final byte[] b;
    private final int from;
    private final int to;
    private final boolean lastChunk;
    /** Go prints at most 100 frames per goroutine; past the limit's depth the text is not a runtime's. */
    private final ImportLimits limits;
    private final Preamble preamble;
    private final ChunkResult out = new ChunkResult();
    private final FrameTable frames = out.stacks.frames();
    private final StackCache stackCache = new StackCache(out.stacks);
    private final ByteNames functions = new ByteNames(frames.strings(), true);
    private final ByteNames files = new ByteNames(frames.strings(), false);
    private final ByteNames statuses = new ByteNames(out.statuses, false);
    private final ByteNames labelSets = new ByteNames(out.labelSets, false);
    private final HeaderLine header = new HeaderLine();
    private final FileLine fileLine = new FileLine();
    private final int noFile = frames.strings().intern("");
    /** A FILE:LINE with no function line before it: the runtime prints this when it has no name for the PC. */
    private final int unknownFunction = frames.strings().intern("?");
    private byte[] kinds = new byte[64];

    private int state = TEXT;
    private boolean seenHeader;
    private int lastLineFrom;
    private int lastLineTo;

    private long gid;
    private int gStatus;
    private int gMinutes;
    private int gFlags;
    private long gBubble;
    private int gLabels;
    private long gParent;
    private int gCreatedBy;
    private int gLine;
    private int[] stack = new int[128];
    private int[] argsFrom = new int[128];
    private int[] argsTo = new int[128];
    private int depth;
    private boolean elidedAtEnd;

    private boolean inAncestor;
    private long ancestorId;
    private int[] ancestorFrames = new int[64];
    private int ancestorDepth;
    private int ancestorCreatedBy;
    private long[] doneAncestorId = new long[8];
    private int[] doneAncestorStack = new int[8];
    private int[] doneAncestorCreatedBy = new int[8];
    private int doneAncestors;

    private int pendingFrom;
    private int pendingTo;
    private int pendingArgsFrom;
    private int pendingArgsTo;
    private int pendingIndent;
    private int pendingLine;
    private int createdFrom;
    private int createdTo;
    private long createdParent;

    /**
     * @param lastChunk whether the chunk ends the file: only then can a goroutine be cut off
     * @param firstChunk whether the chunk starts the file: only then is a crash preamble looked for
     * @param limits the most frames a stack may have: the frames past them are dropped with a warning
     */
    ChunkParser(byte[] b, int from, int to, boolean firstChunk, boolean lastChunk, ImportLimits limits) {
        this.b = b;
        this.from = from;
        this.to = to;
        this.lastChunk = lastChunk;
        this.limits = limits;
        this.preamble = firstChunk ? new Preamble() : null;
    }

    ChunkResult parse() {
        int pos = from;
        int lineNo = 0;
        while (pos < to) {
            int nl = Bytes.indexOfNewline(b, pos, to);
            int eol = nl < 0 ? to : nl;
            int le = eol > pos && b[eol - 1] == '\r' ? eol - 1 : eol;
            lineNo++;
            lastLineFrom = pos;
            lastLineTo = le;
            line(pos, le, lineNo);
            pos = eol + 1;
        }
        out.lines = lineNo;
        finish(lineNo, to > from && b[to - 1] == '\n');
        out.preamble = preamble == null ? List.of() : preamble.lines();
        return out;
    }

    private void line(int ls, int le, int lineNo) {
        int p = Bytes.skipBlanks(b, ls, le);
        if (state == PENDING_FUNCTION) {
            if (p - ls > pendingIndent && fileLine.parse(b, p, le)) {
                completeFrame();
                state = FRAMES;
                return;
            }
            functionWithoutFile(lineNo);
        } else if (state == PENDING_CREATED_BY) {
            if (p > ls && fileLine.parse(b, p, le)) {
                createdBy(files.intern(b, fileLine.fileFrom, fileLine.fileTo), fileLine.line);
                state = FRAMES;
                return;
            }
            out.warn(lineNo, "expected FILE:LINE after 'created by'");
            createdBy(noFile, 0);
            state = FRAMES;
        }
        if (p == le) {
            if (state == FRAMES) {
                closeGoroutine();
            } else if (state == TEXT && preamble != null && !seenHeader) {
                preamble.end();
            }
            state = TEXT;
        } else if (b[p] == 'g' && HeaderLine.isHeader(b, p, le)) {
            openGoroutine(p, le, lineNo);
        } else if (state == FRAMES) {
            frameLine(ls, p, le, lineNo);
        } else if (state == TEXT) {
            textLine(ls, p, le);
        }
    }

    private void textLine(int ls, int p, int le) {
        if (Bytes.startsWith(b, p, le, "runtime stack:")) {
            state = SKIP;
            if (preamble != null) {
                preamble.end();
            }
        } else if (preamble != null && !seenHeader) {
            preamble.line(b, ls, Bytes.trimEnd(b, ls, le));
        }
    }

    private void openGoroutine(int p, int le, int lineNo) {
        if (state == FRAMES) {
            closeGoroutine();
        }
        if (!seenHeader && preamble != null) {
            preamble.end();
        }
        seenHeader = true;
        header.parse(b, p, le);
        if (header.id == 0) {
            state = SKIP;
            return;
        }
        gid = header.id;
        gStatus = statuses.intern(b, header.statusFrom, header.statusTo);
        gMinutes = header.minutes;
        gFlags = (header.locked ? GoroutineDump.LOCKED_TO_THREAD : 0) | (header.scan ? GoroutineDump.SCAN : 0)
                | (header.durablyBlocked ? GoroutineDump.DURABLY_BLOCKED : 0) | (header.leaked ? GoroutineDump.LEAKED : 0);
        gBubble = header.bubble;
        gLabels = header.labelsFrom < 0 ? -1 : labelSets.intern(b, header.labelsFrom, header.labelsTo);
        gParent = -1;
        gCreatedBy = -1;
        gLine = lineNo;
        depth = 0;
        elidedAtEnd = false;
        inAncestor = false;
        doneAncestors = 0;
        state = FRAMES;
    }

    private void frameLine(int ls, int p, int le, int lineNo) {
        byte c = b[p];
        if (c == 'c' && Bytes.startsWith(b, p, le, CREATED_BY)) {
            createdByLine(p, le);
        } else if (c == '.' && Bytes.startsWith(b, p, le, "...") && Bytes.endsWith(b, p, Bytes.trimEnd(b, p, le), "elided...")) {
            if (!inAncestor) {
                gFlags |= GoroutineDump.FRAMES_ELIDED;
                elidedAtEnd |= Bytes.startsWith(b, p, le, "...additional");
            }
        } else if (c == '[' && Bytes.startsWith(b, p, le, ORIGINATING)) {
            startAncestor(p, le);
        } else if (c == 'g' && Bytes.startsWith(b, p, le, "goroutine running on other thread")) {
            gFlags |= GoroutineDump.STACK_UNAVAILABLE;
        } else if (c == 'n' && Bytes.startsWith(b, p, le, "non-Go function")) {
            push(frames.intern(functions.intern(b, p, Bytes.trimEnd(b, p, le)), noFile, 0));
        } else if (c == 'r' && Bytes.startsWith(b, p, le, "runtime stack:")) {
            closeGoroutine();
            state = SKIP;
        } else if (p > ls && fileLine.parse(b, p, le)) {
            push(frames.intern(unknownFunction, files.intern(b, fileLine.fileFrom, fileLine.fileTo), fileLine.line));
        } else {
            pendingFrom = p;
            pendingTo = Bytes.trimEnd(b, p, le);
            pendingIndent = p - ls;
            pendingLine = lineNo;
            state = PENDING_FUNCTION;
        }
    }

    /** Where the name of the pending function line ends (its argument list's '('), or -1 if it is no call. */
    private int callNameEnd() {
        if (pendingTo <= pendingFrom || b[pendingTo - 1] != ')') {
            return -1;
        }
        int open = Bytes.lastIndexOf(b, pendingFrom, pendingTo - 1, (byte) '(');
        return open > pendingFrom ? open : -1;
    }

    private void completeFrame() {
        int nameEnd = callNameEnd();
        int function;
        if (nameEnd > 0) {
            function = functions.intern(b, pendingFrom, nameEnd);
            arguments(nameEnd + 1, pendingTo - 1);
        } else {
            function = functions.intern(b, pendingFrom, pendingTo);
            if (!fileLine.cgoForm) {
                out.warn(pendingLine, "not a function call: " + quote(pendingFrom, pendingTo));
            }
        }
        push(frames.intern(function, files.intern(b, fileLine.fileFrom, fileLine.fileTo), fileLine.line));
    }

    /**
     * The pending function line was not followed by FILE:LINE. A call ({@code f(…)}) is kept as a frame without
     * a file; anything else was text after the goroutine ({@code exit status 2}), which ends it.
     */
    private void functionWithoutFile(int lineNo) {
        int nameEnd = callNameEnd();
        if (nameEnd > 0) {
            out.warn(lineNo, "expected FILE:LINE after " + quote(pendingFrom, pendingTo));
            arguments(nameEnd + 1, pendingTo - 1);
            push(frames.intern(functions.intern(b, pendingFrom, nameEnd), noFile, 0));
            state = FRAMES;
        } else {
            closeGoroutine();
            state = TEXT;
        }
    }

    /** The argument list of the frame pushed next: the bytes between its parentheses. */
    private void arguments(int from, int to) {
        if (!inAncestor) {
            pendingArgsFrom = from;
            pendingArgsTo = to;
        }
    }

    private void createdByLine(int p, int le) {
        int s = p + CREATED_BY.length();
        int e = Bytes.trimEnd(b, s, le);
        int d = e;
        while (d > s && Bytes.isDigit(b[d - 1])) {
            d--;
        }
        createdParent = -1;
        if (d < e && Bytes.endsWith(b, s, d, IN_GOROUTINE)) {
            createdParent = Bytes.parseLong(b, d, e);
            e = d - IN_GOROUTINE.length();
        }
        createdFrom = s;
        createdTo = e;
        state = PENDING_CREATED_BY;
    }

    private void createdBy(int file, int lineNumber) {
        int frame = frames.intern(functions.intern(b, createdFrom, createdTo), file, lineNumber);
        if (inAncestor) {
            ancestorCreatedBy = frame;
        } else {
            gCreatedBy = frame;
            gParent = createdParent;
        }
    }

    private void startAncestor(int p, int le) {
        finishAncestor();
        int s = p + ORIGINATING.length();
        int e = Bytes.digitsEnd(b, s, le);
        inAncestor = true;
        ancestorId = e == s ? -1 : Bytes.parseLong(b, s, e);
        ancestorDepth = 0;
        ancestorCreatedBy = -1;
    }

    private void finishAncestor() {
        if (!inAncestor) {
            return;
        }
        if (doneAncestors == doneAncestorId.length) {
            int n = doneAncestors * 2;
            doneAncestorId = Arrays.copyOf(doneAncestorId, n);
            doneAncestorStack = Arrays.copyOf(doneAncestorStack, n);
            doneAncestorCreatedBy = Arrays.copyOf(doneAncestorCreatedBy, n);
        }
        doneAncestorId[doneAncestors] = ancestorId;
        doneAncestorStack[doneAncestors] = out.stacks.internLeafFirst(ancestorFrames, ancestorDepth);
        doneAncestorCreatedBy[doneAncestors] = ancestorCreatedBy;
        doneAncestors++;
        inAncestor = false;
    }

    private void push(int frame) {
        int maxDepth = limits.maxStackDepth();
        if (inAncestor) {
            if (ancestorDepth < maxDepth) {
                if (ancestorDepth == ancestorFrames.length) {
                    ancestorFrames = Arrays.copyOf(ancestorFrames, ancestorDepth * 2);
                }
                ancestorFrames[ancestorDepth++] = frame;
            }
        } else if (depth < maxDepth) {
            if (depth == stack.length) {
                stack = Arrays.copyOf(stack, depth * 2);
                argsFrom = Arrays.copyOf(argsFrom, depth * 2);
                argsTo = Arrays.copyOf(argsTo, depth * 2);
            }
            argsFrom[depth] = pendingArgsFrom;
            argsTo[depth] = pendingArgsTo;
            pendingArgsFrom = 0;
            pendingArgsTo = 0;
            stack[depth++] = frame;
        } else if ((gFlags & GoroutineDump.FRAMES_ELIDED) == 0) {
            gFlags |= GoroutineDump.FRAMES_ELIDED;
            out.warn(gLine, limits.stackCut("goroutine " + gid));
        }
    }

    private void closeGoroutine() {
        finishAncestor();
        int flags = gFlags;
        if (isSystem()) {
            flags |= GoroutineDump.SYSTEM;
        }
        if (depth == 0 && (flags & (GoroutineDump.STACK_UNAVAILABLE | GoroutineDump.TRUNCATED)) == 0) {
            out.warn(gLine + 1, "goroutine " + gid + " lists no frames");
        }
        out.add(gid, gStatus, gMinutes, stackCache.intern(stack, depth), gCreatedBy, gParent, flags, gBubble, gLabels);
        out.arguments.startGoroutine();
        for (int i = 0; i < depth; i++) {
            out.arguments.addFrame(b, argsFrom[i], argsTo[i]);
        }
        for (int i = 0; i < doneAncestors; i++) {
            out.addAncestor(doneAncestorId[i], doneAncestorStack[i], doneAncestorCreatedBy[i]);
        }
        doneAncestors = 0;
    }

    /**
     * A system goroutine starts in package runtime (other than runtime.main). Only a complete stack shows where
     * a goroutine starts: one that ends in runtime.goexit, which the runtime prints whenever it shows runtime
     * frames (and it only lists system goroutines then).
     */
    private boolean isSystem() {
        return depth >= 2 && !elidedAtEnd && kind(frames.function(stack[depth - 1])) == GOEXIT
                && kind(frames.function(stack[depth - 2])) == RUNTIME;
    }

    private byte kind(int function) {
        if (function >= kinds.length) {
            kinds = Arrays.copyOf(kinds, Math.max(function + 1, kinds.length * 2));
        }
        if (kinds[function] == 0) {
            String name = frames.strings().get(function);
            boolean runtime = name.startsWith("runtime.") && !name.equals("runtime.main")
                    && !name.equals("runtime.corostart") && !name.equals("runtime.handleAsyncEvent");
            kinds[function] = name.equals("runtime.goexit") ? GOEXIT : runtime ? RUNTIME : USER;
        }
        return kinds[function];
    }

    private void finish(int lineNo, boolean endsWithNewline) {
        boolean cutMidLine = lastChunk && !endsWithNewline;
        boolean truncated = false;
        if (state == PENDING_FUNCTION) {
            int nameEnd = callNameEnd();
            if (lastChunk && (cutMidLine || nameEnd > 0)) {
                if (nameEnd > 0) {
                    arguments(nameEnd + 1, pendingTo - 1);
                    push(frames.intern(functions.intern(b, pendingFrom, nameEnd), noFile, 0));
                }
                truncated = true;
                state = FRAMES;
            } else {
                functionWithoutFile(lineNo + 1);
            }
        } else if (state == PENDING_CREATED_BY) {
            if (lastChunk) {
                truncated = true;
            } else {
                out.warn(lineNo + 1, "expected FILE:LINE after 'created by'");
            }
            createdBy(noFile, 0);
            state = FRAMES;
        }
        if (state == FRAMES) {
            truncated |= lastChunk && depth == 0 && (gFlags & GoroutineDump.STACK_UNAVAILABLE) == 0;
            if (truncated) {
                gFlags |= GoroutineDump.TRUNCATED;
                out.warn(lineNo, "the dump is cut off inside goroutine " + gid);
            }
            closeGoroutine();
        } else if (cutMidLine && state == TEXT) {
            int p = Bytes.skipBlanks(b, lastLineFrom, lastLineTo);
            int d = p + "goroutine ".length();
            if (Bytes.startsWith(b, p, lastLineTo, "goroutine ") && d < lastLineTo && Bytes.isDigit(b[d])) {
                out.warn(lineNo, "the dump is cut off inside a goroutine header");
            }
        }
        state = TEXT;
    }

    private String quote(int f, int t) {
        int end = Math.min(t, f + 200);
        return "'" + Bytes.string(b, f, end) + (end < t ? "…" : "") + "'";
    }
}
