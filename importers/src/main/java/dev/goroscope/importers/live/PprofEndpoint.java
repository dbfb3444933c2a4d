package dev.goroscope.importers.live;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The one URL a live poll talks to, derived from what the user typed: {@code http://HOST:PORT/debug/pprof/}
 * (or just {@code HOST:PORT}, or the {@code …/goroutine} endpoint itself) becomes
 * {@code http://HOST:PORT/debug/pprof/goroutine?debug=2}. Only http and https, a host and a port are accepted; no
 * user info, query or fragment.
 */
public final class PprofEndpoint {
    private PprofEndpoint() {
    }

    /** The goroutine dump URL for {@code typed}; throws with a message the user can act on. */
    public static URI goroutineDump(String typed) {
        String t = typed.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("no address given (expected http://HOST:PORT/debug/pprof/)");
        }
        if (!t.contains("://")) {
            t = "http://" + t;
        }
        URI u;
        try {
            u = new URI(t);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + typed + " (" + e.getReason() + ")");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("only http and https are supported: " + typed);
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException("no host in " + typed);
        }
        if (u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new IllegalArgumentException("give the address without user, query or fragment: " + typed);
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        if (path.isEmpty() || path.equals("/")) {
            path = "/debug/pprof/goroutine";
        } else if (!path.endsWith("/goroutine")) {
            path = (path.endsWith("/") ? path : path + "/") + "goroutine";
        }
        try {
            return new URI(scheme, null, u.getHost(), u.getPort(), null, null, null).resolve(path + "?debug=2");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + typed + " (" + e.getReason() + ")");
        }
    }
}
