package dev.goroscope.app.timeline;

/** How goroutine lanes are grouped under foldable headers. */
public enum LaneGrouping {
    START_FUNCTION("start function"),
    CREATOR("creator"),
    NONE("none");

    private final String label;

    LaneGrouping(String label) {
        this.label = label;
    }

    /** What the group selector shows. */
    public String label() {
        return label;
    }

    /** The group goroutine {@code g} belongs to. */
    String key(TimelineData data, int g) {
        return switch (this) {
            case START_FUNCTION -> data.groupName(g);
            case CREATOR -> data.creatorName(g);
            case NONE -> "Goroutines";
        };
    }

    /** The header text of a group of {@code count} goroutines. */
    String headerLabel(String key, int count) {
        String name = this == CREATOR && key.startsWith("created by ")
                ? "created by " + LaneRows.shortName(key.substring("created by ".length())) : LaneRows.shortName(key);
        return name + "  (" + count + ")";
    }
}
