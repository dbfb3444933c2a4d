package dev.goroscope.model.analysis;

/**
 * The thresholds of the leak rules, editable by the user.
 *
 * @param blockedMinutes         a channel or select wait counts as a leak from this many minutes blocked: as the
 *                               dump header says, or as a series shows (the same goroutine id in the same state
 *                               in an earlier snapshot at least this long before)
 * @param syncWaitMinutes        a {@code sync.WaitGroup.Wait} / {@code sync.Cond.Wait} from this many minutes, alike
 * @param manyAtOneSite          this many goroutines blocked at one site of the user's code is suspicious
 * @param growthMinSnapshots     a series needs this many snapshots to call a group growing
 * @param growthMinIncrease      … and the group must have grown by at least this many goroutines
 * @param timeAfterLiveTimers    live timers allocated under {@code time.After} (heap profile) that make a suspect
 */
public record LeakRules(int blockedMinutes, int syncWaitMinutes, int manyAtOneSite, int growthMinSnapshots,
        int growthMinIncrease, long timeAfterLiveTimers) {
    /** 10 minutes blocked, 100 at one site, growth by 10 over 3 snapshots, 1000 live time.After timers. */
    public static final LeakRules DEFAULTS = new LeakRules(10, 10, 100, 3, 10, 1000);

    public LeakRules {
        if (blockedMinutes < 0 || syncWaitMinutes < 0 || manyAtOneSite < 1 || growthMinSnapshots < 2
                || growthMinIncrease < 1 || timeAfterLiveTimers < 1) {
            throw new IllegalArgumentException("leak rule threshold out of range");
        }
    }

    public LeakRules withBlockedMinutes(int m) {
        return new LeakRules(m, syncWaitMinutes, manyAtOneSite, growthMinSnapshots, growthMinIncrease, timeAfterLiveTimers);
    }

    public LeakRules withSyncWaitMinutes(int m) {
        return new LeakRules(blockedMinutes, m, manyAtOneSite, growthMinSnapshots, growthMinIncrease, timeAfterLiveTimers);
    }

    public LeakRules withManyAtOneSite(int n) {
        return new LeakRules(blockedMinutes, syncWaitMinutes, n, growthMinSnapshots, growthMinIncrease, timeAfterLiveTimers);
    }

    public LeakRules withGrowth(int minSnapshots, int minIncrease) {
        return new LeakRules(blockedMinutes, syncWaitMinutes, manyAtOneSite, minSnapshots, minIncrease, timeAfterLiveTimers);
    }

    public LeakRules withTimeAfterLiveTimers(long n) {
        return new LeakRules(blockedMinutes, syncWaitMinutes, manyAtOneSite, growthMinSnapshots, growthMinIncrease, n);
    }
}
