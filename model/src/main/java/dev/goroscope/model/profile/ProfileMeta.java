package dev.goroscope.model.profile;

import java.util.List;
import java.util.Objects;

/**
 * What a pprof profile says about itself beyond its samples.
 *
 * @param periodType    what one sampling period measures (e.g. cpu/nanoseconds), or null when unknown
 * @param period        the sampling period in {@code periodType}'s unit (10,000,000 ns for CPU at 100 Hz); 0 if unknown
 * @param timeNanos     when the profile was taken, Unix nanoseconds; 0 if unknown
 * @param durationNanos how long it covers (CPU profiles); 0 if unknown
 * @param dropFrames    pprof's regular expression of frames to drop, "" when none
 * @param keepFrames    pprof's regular expression of frames to keep despite {@code dropFrames}, "" when none
 * @param comments      free-text comments the producer added
 * @param docUrl        where the profile kind is documented, "" when none
 */
public record ProfileMeta(SampleType periodType, long period, long timeNanos, long durationNanos, String dropFrames,
        String keepFrames, List<String> comments, String docUrl) {
    /** Nothing known. */
    public static final ProfileMeta NONE = new ProfileMeta(null, 0, 0, 0, "", "", List.of(), "");

    public ProfileMeta {
        Objects.requireNonNull(dropFrames);
        Objects.requireNonNull(keepFrames);
        Objects.requireNonNull(docUrl);
        comments = List.copyOf(comments);
    }
}
