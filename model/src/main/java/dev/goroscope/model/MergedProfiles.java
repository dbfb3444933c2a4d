package dev.goroscope.model;

import dev.goroscope.model.profile.Profile;
import java.util.ArrayList;
import java.util.List;

/**
 * Several files of one profile each, opened together, as one dataset whose profile is their merge
 * ({@link Profile#merge}): the figures are the sums of the files'. Only profiles of one kind merge.
 */
public final class MergedProfiles {
    private MergedProfiles() {
    }

    /** Whether {@code d} is a file holding just one profile and nothing else, so it can take part in a merge. */
    public static boolean isMergeable(Dataset d) {
        return d.profiles().size() == 1 && d.dump() == null && d.timeline() == null && d.schedTrace() == null;
    }

    /** "cpu.pprof + 2 more": the first name and how many others. */
    public static String title(List<String> names) {
        return names.size() == 1 ? names.get(0) : names.get(0) + " + " + (names.size() - 1) + " more";
    }

    /**
     * Why {@code files} cannot merge, or null when they can: fewer than two, one that is not a single profile,
     * kinds or sample types that differ. The reason names the files.
     */
    public static String refusal(List<Dataset> files) {
        if (files.size() < 2) {
            return "merging needs at least two profiles";
        }
        for (Dataset d : files) {
            if (!isMergeable(d)) {
                return d.source() + " is a " + d.format() + ", not a single profile; only profiles merge";
            }
        }
        Profile first = files.get(0).profiles().get(0);
        for (Dataset d : files.subList(1, files.size())) {
            Profile p = d.profiles().get(0);
            if (!p.kind().equals(first.kind())) {
                return "cannot merge profiles of different kinds: " + files.get(0).source() + " is a " + first.kind()
                        + " profile, " + d.source() + " a " + p.kind() + " profile";
            }
            if (!p.sampleTypes().equals(first.sampleTypes())) {
                return "cannot merge " + files.get(0).source() + " and " + d.source() + ": their sample types differ ("
                        + first.sampleTypes() + " and " + p.sampleTypes() + ")";
            }
        }
        return null;
    }

    /**
     * The files' profiles merged into one dataset named {@code source}, with every file's warnings (prefixed by the
     * file) and the Go version when all files agree on it.
     *
     * @throws IllegalArgumentException with the {@link #refusal} when they cannot merge
     */
    public static Dataset of(String source, List<Dataset> files) {
        String refusal = refusal(files);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        List<Profile> profiles = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String goVersion = files.get(0).goVersion();
        for (Dataset d : files) {
            profiles.add(d.profiles().get(0));
            d.warnings().forEach(w -> warnings.add(d.source() + ": " + w));
            if (goVersion != null && !goVersion.equals(d.goVersion())) {
                goVersion = null;
            }
        }
        Profile merged = Profile.merge(profiles);
        return Dataset.ofProfiles(source, files.get(0).format() + ", " + files.size() + " files merged", goVersion,
                warnings, List.of(merged));
    }
}
