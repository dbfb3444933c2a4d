package dev.goroscope.app.source;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Importers;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.goroutine.GoroutineDump;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The Go 1.26 leaks dump and the source of its frames (see resources/source/NOTICE.md). */
final class LeaksDump {
    static final String PREFIX = "goroscope.dev/samples/progs/leaks/";

    private LeaksDump() {
    }

    static Path resource(String name) {
        try {
            return Path.of(LeaksDump.class.getResource("/source/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static GoroutineDump dump() {
        try {
            return Importers.all().open(resource("go1.26-leaks-debug2.txt")).dump();
        } catch (ImportException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first node of {@code tree} for function {@code name}. */
    static int node(CallTree tree, String name) {
        for (int n = 1; n < tree.size(); n++) {
            if (tree.name(n).equals(name)) {
                return n;
            }
        }
        throw new IllegalArgumentException(name + " is not in the tree");
    }
}
