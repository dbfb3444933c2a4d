package dev.goroscope.model.stack;

import java.util.Arrays;

/**
 * Interns frames (function, file, line). A frame is an {@code int} everywhere else; function and file names are
 * interned once per distinct name in {@link #strings()}. Two frames of one function at different lines are
 * different frames with the same {@link #function(int) function id}.
 */
public final class FrameTable {
    private static final int NONE = -1;

    private final StringTable strings;
    private int[] function = new int[256];
    private int[] file = new int[256];
    private int[] line = new int[256];
    private int size;
    private int[] slots = newSlots(1024);

    public FrameTable() {
        this(new StringTable());
    }

    private FrameTable(StringTable strings) {
        this.strings = strings;
    }

    /** A new table holding the same frames under the same ids, over a copy of {@link #strings()}. */
    public FrameTable copy() {
        FrameTable c = new FrameTable(strings.copy());
        c.function = function.clone();
        c.file = file.clone();
        c.line = line.clone();
        c.slots = slots.clone();
        c.size = size;
        return c;
    }

    /** Interns the frame of {@code functionName} at {@code fileName:lineNumber} (file may be empty, line 0). */
    public int intern(String functionName, String fileName, int lineNumber) {
        return intern(strings.intern(functionName), strings.intern(fileName), lineNumber);
    }

    /** Interns a frame from ids of {@link #strings()}. */
    public int intern(int functionId, int fileId, int lineNumber) {
        int mask = slots.length - 1;
        int i = hash(functionId, fileId, lineNumber) & mask;
        while (slots[i] != NONE) {
            int f = slots[i];
            if (function[f] == functionId && file[f] == fileId && line[f] == lineNumber) {
                return f;
            }
            i = (i + 1) & mask;
        }
        if (size == function.length) {
            function = Arrays.copyOf(function, size * 2);
            file = Arrays.copyOf(file, size * 2);
            line = Arrays.copyOf(line, size * 2);
        }
        function[size] = functionId;
        file[size] = fileId;
        line[size] = lineNumber;
        slots[i] = size;
        size++;
        if (size * 2 > slots.length) {
            rehash();
        }
        return size - 1;
    }

    public StringTable strings() {
        return strings;
    }

    /** The id (in {@link #strings()}) of the frame's function name. */
    public int function(int frame) {
        return function[check(frame)];
    }

    public String functionName(int frame) {
        return strings.get(function[check(frame)]);
    }

    public String fileName(int frame) {
        return strings.get(file[check(frame)]);
    }

    public int line(int frame) {
        return line[check(frame)];
    }

    public int size() {
        return size;
    }

    private int check(int frame) {
        if (frame < 0 || frame >= size) {
            throw new IndexOutOfBoundsException("frame " + frame + " of " + size);
        }
        return frame;
    }

    private void rehash() {
        slots = newSlots(slots.length * 2);
        int mask = slots.length - 1;
        for (int f = 0; f < size; f++) {
            int i = hash(function[f], file[f], line[f]) & mask;
            while (slots[i] != NONE) {
                i = (i + 1) & mask;
            }
            slots[i] = f;
        }
    }

    private static int[] newSlots(int n) {
        int[] s = new int[n];
        Arrays.fill(s, NONE);
        return s;
    }

    private static int hash(int a, int b, int c) {
        int h = a * 0x9E3779B1 + b * 0x85EBCA6B + c * 0xC2B2AE35;
        return h ^ (h >>> 15);
    }
}
