package dev.goroscope.importers.trace.v2;

import java.util.HashMap;
import java.util.Map;

/**
 * A per-generation table from trace ids (strings, stacks) to values: a dense array when the ids are compact (as
 * the runtime writes them), a map otherwise. Id 0 is never stored (it means "none").
 */
final class IdTable<V> {
    private Map<Long, V> sparse = new HashMap<>();
    private Object[] dense;

    /** Adds an entry; returns false when the id is already there. */
    boolean put(long id, V value) {
        if (sparse.containsKey(id)) {
            return false;
        }
        sparse.put(id, value);
        return true;
    }

    boolean contains(long id) {
        return id == 0 || get(id) != null;
    }

    @SuppressWarnings("unchecked")
    V get(long id) {
        if (dense != null) {
            return id > 0 && id < dense.length ? (V) dense[(int) id] : null;
        }
        return sparse.get(id);
    }

    int size() {
        return sparse.size();
    }

    /** Switches to a dense array when the largest id is at most twice the count plus a little. */
    void compact() {
        long max = 0;
        for (long id : sparse.keySet()) {
            if (id < 0) {
                return;
            }
            max = Math.max(max, id);
        }
        if (max > 2L * sparse.size() + 64) {
            return;
        }
        dense = new Object[(int) max + 1];
        sparse.forEach((id, v) -> dense[(int) (long) id] = v);
    }

    Iterable<Map.Entry<Long, V>> entries() {
        return sparse.entrySet();
    }
}
