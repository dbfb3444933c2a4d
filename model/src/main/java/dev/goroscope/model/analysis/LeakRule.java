package dev.goroscope.model.analysis;

/** The rules that make a leak suspect, most certain first; {@link #id()} is what JSON and the UI show. */
public enum LeakRule {
    /**
     * Go 1.26's goroutineleak profile: the GC proved these goroutines can never be woken (a profile of kind
     * "goroutineleak", or its debug=2 dump, whose headers mark goroutines {@code (leaked)}).
     */
    GOROUTINELEAK_PROFILE("goroutineleak-profile", "reported leaked by the runtime's goroutineleak profile"),
    /** Blocked on a nil channel or in {@code select {}}: nothing can ever wake them. */
    BLOCKED_FOREVER("blocked-forever", "blocked on a nil channel or an empty select: can never be woken"),
    /** A group that grows from snapshot to snapshot. */
    GROWING("growing-group", "grows across snapshots"),
    /** Blocked on a channel or in a select for long. */
    BLOCKED_CHANNEL("blocked-channel", "blocked on a channel or select for a long time"),
    /** Waiting in {@code sync.WaitGroup.Wait} or {@code sync.Cond.Wait} for long. */
    SYNC_WAIT("sync-wait", "waiting on a WaitGroup or Cond that does not return"),
    /** Many goroutines blocked at one site of the user's code. */
    MANY_AT_ONE_SITE("many-at-one-site", "many goroutines blocked at one site"),
    /** Timers created by {@code time.After} in a loop, still live. */
    TIME_AFTER_LOOP("time-after-loop", "time.After called in a loop keeps timers alive");

    private final String id;
    private final String description;

    LeakRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
