package dev.goroscope.model.profile;

/** What one value column of a profile measures, as pprof names it: e.g. {@code cpu/nanoseconds}. */
public record SampleType(String type, String unit) {
    @Override
    public String toString() {
        return type + "/" + unit;
    }
}
