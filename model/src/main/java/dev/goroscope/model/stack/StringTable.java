package dev.goroscope.model.stack;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Interns strings: each distinct string is stored once and named by a dense {@code int} id from 0. */
public final class StringTable {
    private final Map<String, Integer> ids = new HashMap<>();
    private String[] strings = new String[64];
    private int size;

    /** Returns the id of {@code s}, adding it if it is new. */
    public int intern(String s) {
        Integer id = ids.get(s);
        if (id != null) {
            return id;
        }
        if (size == strings.length) {
            strings = Arrays.copyOf(strings, size * 2);
        }
        strings[size] = s;
        ids.put(s, size);
        return size++;
    }

    /** Returns the id of {@code s}, or -1 if it was never interned. */
    public int find(String s) {
        Integer id = ids.get(s);
        return id == null ? -1 : id;
    }

    public String get(int id) {
        if (id < 0 || id >= size) {
            throw new IndexOutOfBoundsException("string id " + id + " of " + size);
        }
        return strings[id];
    }

    public int size() {
        return size;
    }

    /** A new table holding the same strings under the same ids. */
    public StringTable copy() {
        StringTable c = new StringTable();
        c.ids.putAll(ids);
        c.strings = strings.clone();
        c.size = size;
        return c;
    }
}
