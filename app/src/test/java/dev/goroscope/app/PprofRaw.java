package dev.goroscope.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of a {@code go tool pprof -raw} listing captured next to a profile: the independent truth for
 * totals, label filters and merges.
 */
public final class PprofRaw {
    /** One sample: its values per sample type and its labels line ("burner:[1] busy:[cpu-burner]", or ""). */
    public record Sample(long[] values, String labels) {
    }

    private static final Pattern SAMPLE = Pattern.compile("^\\s+((?:\\d+\\s+)+?)(\\d+): [\\d ]*$");

    private final List<Sample> samples;

    private PprofRaw(List<Sample> samples) {
        this.samples = samples;
    }

    public static PprofRaw read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Sample> out = new ArrayList<>();
        boolean inSamples = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equals("Samples:")) {
                inSamples = true;
                continue;
            }
            if (line.equals("Locations")) {
                break;
            }
            Matcher m = SAMPLE.matcher(line);
            if (inSamples && m.matches()) {
                String all = m.group(1) + m.group(2);
                long[] values = Arrays.stream(all.trim().split("\\s+")).mapToLong(Long::parseLong).toArray();
                String next = i + 1 < lines.size() ? lines.get(i + 1).trim() : "";
                out.add(new Sample(values, next.contains(":[") ? next : ""));
            }
        }
        return new PprofRaw(out);
    }

    /** The sum of value column {@code type} over the samples whose labels line {@code keep} accepts. */
    public long total(int type, Predicate<String> keep) {
        return samples.stream().filter(s -> keep.test(s.labels())).mapToLong(s -> s.values()[type]).sum();
    }

    public long total(int type) {
        return total(type, labels -> true);
    }
}
