package dev.goroscope.model.goroutine;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The argument words a debug=2 dump prints after each function, e.g. {@code main.f(0xc000010000, {0x7a, 0x3}, 0x0?)},
 * kept per goroutine and per frame (innermost frame first, as the dump lists them), so that goroutines waiting on
 * the same channel or mutex can be recognised. Optional: a dump without it (a profile, an older importer) still
 * groups, only without "same object" and pointer-aware similarity.
 * <p>
 * Argument lists are interned: a frame occurrence costs one {@code int}, and a list such as {@code 0x0?, 0x0?} that
 * a million goroutines share is stored once. The words of all distinct lists form one pool, in the order they were
 * first met; {@link #wordStart}/{@link #wordEnd} index into it. Built once, immutable.
 */
public final class GoroutineArguments {
    /** A word the runtime printed as exact, e.g. {@code 0xc000010000}. */
    public static final byte VALUE = 0;
    /** A word printed with {@code ?}: possibly stale (register ABI spill slot). */
    public static final byte UNCERTAIN = 1;
    /** <code>{</code>: start of a struct, string, slice or interface. */
    public static final byte OPEN = 2;
    /** <code>}</code>: end of one. */
    public static final byte CLOSE = 3;
    /** {@code ...}: the runtime stopped printing (too many words, or an inlined frame). */
    public static final byte ELLIPSIS = 4;
    /** {@code _} or anything unreadable: a word with no value. */
    public static final byte UNKNOWN = 5;

    private final int[] goroutineStart;
    private final int[] frameList;
    private final int[] listStart;
    private final long[] word;
    private final byte[] kind;

    private GoroutineArguments(int[] goroutineStart, int[] frameList, int[] listStart, long[] word, byte[] kind) {
        this.goroutineStart = goroutineStart;
        this.frameList = frameList;
        this.listStart = listStart;
        this.word = word;
        this.kind = kind;
    }

    private GoroutineArguments(Builder b) {
        goroutineStart = Arrays.copyOf(b.goroutineStart, b.goroutines + 1);
        frameList = Arrays.copyOf(b.frameList, b.frames);
        listStart = Arrays.copyOf(b.listStart, b.lists + 1);
        word = Arrays.copyOf(b.word, b.words);
        kind = Arrays.copyOf(b.kind, b.words);
    }

    /**
     * The rows {@code rows[0..count)} of this table, in that order, sharing its lists (e.g. a dump importer that
     * keeps only the first of two rows for one goroutine id).
     */
    public GoroutineArguments rows(int[] rows, int count) {
        int[] start = new int[count + 1];
        for (int i = 0; i < count; i++) {
            start[i + 1] = start[i] + frameCount(rows[i]);
        }
        int[] lists = new int[start[count]];
        for (int i = 0; i < count; i++) {
            System.arraycopy(frameList, goroutineStart[rows[i]], lists, start[i], frameCount(rows[i]));
        }
        return new GoroutineArguments(start, lists, listStart, word, kind);
    }

    /** Number of goroutines; equals the dump's size. */
    public int goroutineCount() {
        return goroutineStart.length - 1;
    }

    /** Frames with recorded arguments for goroutine {@code g}: frame 0 is its innermost frame. */
    public int frameCount(int g) {
        return goroutineStart[g + 1] - goroutineStart[g];
    }

    /** The interned list of frame {@code frame} of goroutine {@code g}: equal ids, equal lists. */
    public int list(int g, int frame) {
        return frameList[goroutineStart[g] + frame];
    }

    /** Index of the first word of frame {@code frame} of goroutine {@code g}, for {@link #word} and {@link #kind}. */
    public int wordStart(int g, int frame) {
        return listWordStart(list(g, frame));
    }

    /** One past the last word of frame {@code frame} of goroutine {@code g}. */
    public int wordEnd(int g, int frame) {
        return listWordEnd(list(g, frame));
    }

    public long word(int i) {
        return word[i];
    }

    public byte kind(int i) {
        return kind[i];
    }

    /** Number of distinct argument lists. */
    public int listCount() {
        return listStart.length - 1;
    }

    /** Index of the first word of list {@code list}. */
    public int listWordStart(int list) {
        return listStart[list];
    }

    /** One past the last word of list {@code list}. */
    public int listWordEnd(int list) {
        return listStart[list + 1];
    }

    /** Words in the pool of distinct lists. */
    public int wordCount() {
        return word.length;
    }

    /**
     * The argument list of one frame as text, e.g. {@code 0x0?, #1, {0x7a, #2}}. For each value word,
     * {@code wordText} gets the word's index and may return the text to show instead (e.g. a pointer's name);
     * null keeps the hex form ({@code 0x…}, with {@code ?} when uncertain).
     */
    public String format(int g, int frame, IntFunction<String> wordText) {
        if (frame >= frameCount(g)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        boolean needComma = false;
        for (int i = wordStart(g, frame); i < wordEnd(g, frame); i++) {
            byte k = kind[i];
            if (k == CLOSE) {
                sb.append('}');
                needComma = true;
                continue;
            }
            if (needComma) {
                sb.append(", ");
            }
            needComma = k != OPEN;
            switch (k) {
                case OPEN -> sb.append('{');
                case ELLIPSIS -> sb.append("...");
                case UNKNOWN -> sb.append('_');
                default -> {
                    String text = wordText.apply(i);
                    if (text != null) {
                        sb.append(text);
                    } else {
                        sb.append("0x").append(Long.toHexString(word[i])).append(k == UNCERTAIN ? "?" : "");
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Collects arguments goroutine by goroutine, in the dump's order, frames innermost first. */
    public static final class Builder {
        private int[] goroutineStart = new int[65];
        private int[] frameList = new int[256];
        private int[] listStart = new int[65];
        private long[] word = new long[1024];
        private byte[] kind = new byte[1024];
        private int[] slots = newSlots(256);
        private int[] listHash = new int[64];
        private int goroutines;
        private int frames;
        private int lists;
        private int words;

        /** Starts the next goroutine; call once per goroutine of the dump, even one with no frame. */
        public Builder startGoroutine() {
            if (goroutines + 1 == goroutineStart.length) {
                goroutineStart = Arrays.copyOf(goroutineStart, goroutineStart.length * 2);
            }
            goroutines++;
            goroutineStart[goroutines] = frames;
            return this;
        }

        /**
         * Adds the next frame of the current goroutine from the bytes between its parentheses, e.g.
         * {@code 0x0?, {0x788f30, 0xc0000a6258}, ...}. Never fails: an unreadable word becomes {@link #UNKNOWN}.
         */
        public Builder addFrame(byte[] text, int from, int to) {
            int i = from;
            while (i < to) {
                byte c = text[i];
                if (c == ' ' || c == ',') {
                    i++;
                } else if (c == '{') {
                    add(0, OPEN);
                    i++;
                } else if (c == '}') {
                    add(0, CLOSE);
                    i++;
                } else if (c == '.') {
                    add(0, ELLIPSIS);
                    while (i < to && text[i] == '.') {
                        i++;
                    }
                } else {
                    i = readWord(text, i, to);
                }
            }
            return endFrame();
        }

        /** Adds a frame whose words were read elsewhere: {@code kinds[k]} is one of the kind constants. */
        public Builder addFrame(long[] values, byte[] kinds, int count) {
            for (int k = 0; k < count; k++) {
                add(values[k], kinds[k]);
            }
            return endFrame();
        }

        /** Appends every goroutine of {@code other} (e.g. the next chunk of a dump parsed in parallel). */
        public Builder append(GoroutineArguments other) {
            for (int g = 0; g < other.goroutineCount(); g++) {
                startGoroutine();
                for (int f = 0; f < other.frameCount(g); f++) {
                    for (int i = other.wordStart(g, f); i < other.wordEnd(g, f); i++) {
                        add(other.word[i], other.kind[i]);
                    }
                    endFrame();
                }
            }
            return this;
        }

        public int goroutineCount() {
            return goroutines;
        }

        public GoroutineArguments build() {
            return new GoroutineArguments(this);
        }

        private int readWord(byte[] text, int i, int to) {
            int end = i;
            while (end < to && text[end] != ',' && text[end] != '}' && text[end] != ' ') {
                end++;
            }
            int stop = end;
            boolean uncertain = stop > i && text[stop - 1] == '?';
            if (uncertain) {
                stop--;
            }
            long v = 0;
            boolean ok = stop - i > 2 && stop - i <= 18 && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X');
            for (int k = i + 2; ok && k < stop; k++) {
                int d = Character.digit(text[k], 16);
                ok = d >= 0;
                v = (v << 4) | Math.max(d, 0);
            }
            add(ok ? v : 0, ok ? (uncertain ? UNCERTAIN : VALUE) : UNKNOWN);
            return end;
        }

        /** Appends a word to the pending list, which sits at the end of the pool until {@link #endFrame()}. */
        private void add(long v, byte k) {
            if (words == word.length) {
                word = Arrays.copyOf(word, words * 2);
                kind = Arrays.copyOf(kind, words * 2);
            }
            word[words] = v;
            kind[words++] = k;
        }

        /** Interns the pending list: an equal list already in the pool is reused and the pending words dropped. */
        private Builder endFrame() {
            if (goroutines == 0) {
                throw new IllegalStateException("addFrame before startGoroutine");
            }
            int start = listStart[lists];
            int h = hash(start, words);
            int mask = slots.length - 1;
            int i = h & mask;
            int id = -1;
            while (slots[i] >= 0) {
                int l = slots[i];
                if (listHash[l] == h && sameWords(listStart[l], listStart[l + 1], start, words)) {
                    id = l;
                    break;
                }
                i = (i + 1) & mask;
            }
            if (id >= 0) {
                words = start;
            } else {
                id = lists;
                if (lists + 2 > listStart.length) {
                    listStart = Arrays.copyOf(listStart, listStart.length * 2);
                    listHash = Arrays.copyOf(listHash, listStart.length);
                }
                listHash[lists] = h;
                slots[i] = lists;
                lists++;
                listStart[lists] = words;
                if (lists * 2 > slots.length) {
                    rehash();
                }
            }
            if (frames == frameList.length) {
                frameList = Arrays.copyOf(frameList, frames * 2);
            }
            frameList[frames++] = id;
            goroutineStart[goroutines] = frames;
            return this;
        }

        private boolean sameWords(int a, int aEnd, int b, int bEnd) {
            if (aEnd - a != bEnd - b) {
                return false;
            }
            for (int i = 0; i < aEnd - a; i++) {
                if (word[a + i] != word[b + i] || kind[a + i] != kind[b + i]) {
                    return false;
                }
            }
            return true;
        }

        private int hash(int from, int to) {
            int h = to - from;
            for (int i = from; i < to; i++) {
                h = h * 31 + Long.hashCode(word[i]) * 7 + kind[i];
            }
            h *= 0x9E3779B1;
            return h ^ (h >>> 16);
        }

        private void rehash() {
            slots = newSlots(slots.length * 2);
            int mask = slots.length - 1;
            for (int l = 0; l < lists; l++) {
                int i = listHash[l] & mask;
                while (slots[i] >= 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = l;
            }
        }

        private static int[] newSlots(int n) {
            int[] s = new int[n];
            Arrays.fill(s, -1);
            return s;
        }
    }
}
