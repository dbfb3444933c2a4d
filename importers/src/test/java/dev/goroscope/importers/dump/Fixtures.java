package dev.goroscope.importers.dump;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.Progress;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.stack.StackTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The real captures under src/test/resources/dumps and small helpers to read them. */
final class Fixtures {
    /** Every capture that holds a goroutine dump (debug=2 form), by resource path. */
    static final List<String> DUMPS = List.of(
            "dumps/go1.19/dump-debug2.txt", "dumps/go1.19/stack-all.txt", "dumps/go1.19/crash-traceback.txt",
            "dumps/go1.19/crash-traceback-crash.txt", "dumps/go1.19/sigquit-traceback.txt",
            "dumps/go1.26/crash-busy-gotraceback-crash.txt", "dumps/go1.26/crash-default.txt",
            "dumps/go1.26/crash-gotraceback-crash.txt", "dumps/go1.26/crash-gotraceback-system.txt",
            "dumps/go1.26/sigquit-gotraceback-crash.txt", "dumps/go1.26/stack-ancestors.txt",
            "dumps/go1.26/stack-overflow.txt", "dumps/go1.26/stack-synctest.txt",
            "dumps/gostackparse/ancestors.txt", "dumps/gostackparse/cgo.txt", "dumps/gostackparse/empty_stack.txt",
            "dumps/gostackparse/errorhandling.txt", "dumps/gostackparse/frameselided.txt",
            "dumps/gostackparse/frameselided_goroutine.txt", "dumps/gostackparse/go121_createdby.txt",
            "dumps/gostackparse/lockedm.txt", "dumps/gostackparse/partial_createdby.txt",
            "dumps/gostackparse/partial_stack.txt", "dumps/gostackparse/waitsince.txt", "dumps/gostackparse/windows.txt",
            "dumps/crasha/goroutine.txt", "dumps/golang-go/test2json-panic.test",
            "dumps/syzkaller-gvisor/0", "dumps/syzkaller-gvisor/1", "dumps/syzkaller-gvisor/2",
            "dumps/syzkaller-gvisor/3", "dumps/syzkaller-gvisor/5", "dumps/syzkaller-gvisor/12",
            "dumps/syzkaller-gvisor/16", "dumps/syzkaller-gvisor/25", "dumps/syzkaller-gvisor/26",
            "dumps/syzkaller-gvisor/27", "dumps/syzkaller-gvisor/29");

    private Fixtures() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dataset parse(String resource) throws ImportException {
        return parse(resource, bytes(resource), new DumpImporter());
    }

    static Dataset parse(String name, byte[] content, DumpImporter importer) throws ImportException {
        return importer.read(Importers.bytesSource(name, content), Progress.NONE);
    }

    /** Goroutines whose stack has a frame of function {@code name}. */
    static int withFunction(GoroutineDump d, String name) {
        int function = d.stacks().frames().strings().find(name);
        int n = 0;
        for (int g = 0; g < d.size(); g++) {
            if (function >= 0 && d.stacks().containsFunction(d.stack(g), function)) {
                n++;
            }
        }
        return n;
    }

    static int withFlag(GoroutineDump d, int flag) {
        int n = 0;
        for (int g = 0; g < d.size(); g++) {
            if (d.has(g, flag)) {
                n++;
            }
        }
        return n;
    }

    /** The function name of the innermost frame, or null for an empty stack. */
    static String top(GoroutineDump d, int g) {
        int s = d.stack(g);
        return s == StackTable.EMPTY ? null : d.stacks().frames().functionName(d.stacks().frame(s));
    }

    /** The header's status word: the wait reason, or the state's label. */
    static String status(GoroutineDump d, int g) {
        String reason = d.waitReasonText(g);
        return reason != null ? reason : d.state(g).label();
    }

    static int index(GoroutineDump d, long id) {
        for (int g = 0; g < d.size(); g++) {
            if (d.id(g) == id) {
                return g;
            }
        }
        throw new IllegalArgumentException("no goroutine " + id);
    }
}
