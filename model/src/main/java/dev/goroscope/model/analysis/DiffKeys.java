package dev.goroscope.model.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys snapshots are compared by: (entry function, leaf function, wait reason), interned so that counts of
 * different snapshots (each with its own frame tables) line up by key id. The wait reason is the dump header's
 * status word: the wait reason ({@code chan receive}) or, for a goroutine not waiting, its state ({@code running});
 * goroutine profiles carry none and use "". Append-only and thread-safe (a live poll adds while a view reads).
 * Two code paths that start and block in the same functions share a key; a view that needs them apart diffs the
 * differential call tree ({@link DiffTree}) instead.
 */
public final class DiffKeys {
    private final Map<Key, Integer> ids = new HashMap<>();
    private final List<Key> keys = new ArrayList<>();

    /** One key. */
    public record Key(String entryFunction, String leafFunction, String waitReason) {
    }

    /** The id of the key, adding it if new. */
    public synchronized int id(String entryFunction, String leafFunction, String waitReason) {
        Key k = new Key(entryFunction, leafFunction, waitReason);
        Integer id = ids.get(k);
        if (id != null) {
            return id;
        }
        ids.put(k, keys.size());
        keys.add(k);
        return keys.size() - 1;
    }

    public synchronized Key get(int id) {
        return keys.get(id);
    }

    public synchronized int size() {
        return keys.size();
    }
}
