package dev.goroscope.model;

import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.series.SchedTrace;
import java.util.List;
import java.util.Objects;

/**
 * What an importer returns from one file: any of a goroutine dump and profiles, with the file it came from, the
 * format found, the Go version if the file tells it, and warnings about what could not be read.
 *
 * @param source    the file's path or name as the user knows it
 * @param format    the detected format, e.g. "goroutine dump (debug=2)"
 * @param goVersion e.g. "go1.26.0", or null when the file does not say
 * @param warnings  what the user should know, e.g. "dump cut off inside goroutine 12"
 * @param dump      the goroutines, or null
 * @param profiles  the profiles, possibly empty
 * @param schedTrace the ticks of a {@code GODEBUG=schedtrace} log, or null
 */
public record Dataset(String source, String format, String goVersion, List<String> warnings, GoroutineDump dump,
        List<Profile> profiles, SchedTrace schedTrace) {
    public Dataset {
        Objects.requireNonNull(source);
        Objects.requireNonNull(format);
        warnings = List.copyOf(warnings);
        profiles = List.copyOf(profiles);
    }

    public static Dataset ofDump(String source, String format, String goVersion, List<String> warnings, GoroutineDump dump) {
        return new Dataset(source, format, goVersion, warnings, dump, List.of(), null);
    }

    public static Dataset ofProfiles(String source, String format, String goVersion, List<String> warnings, List<Profile> profiles) {
        return new Dataset(source, format, goVersion, warnings, null, profiles, null);
    }

    public static Dataset ofSchedTrace(String source, String format, String goVersion, List<String> warnings,
            SchedTrace schedTrace) {
        return new Dataset(source, format, goVersion, warnings, null, List.of(), Objects.requireNonNull(schedTrace));
    }
}
