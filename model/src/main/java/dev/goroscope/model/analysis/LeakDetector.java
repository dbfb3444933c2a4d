package dev.goroscope.model.analysis;

import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.goroutine.GoroutineState;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.profile.SampleType;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.GoFunctionName;
import dev.goroscope.model.stack.StackTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies the {@link LeakRule}s to what is known: the groups of a dump, a series of snapshots, profiles (Go 1.26's
 * {@code goroutineleak}, heap). Suspects come out ranked: most certain rule first, then most goroutines.
 */
public final class LeakDetector {
    private static final Set<String> FOREVER = Set.of("chan receive (nil chan)", "chan send (nil chan)",
            "select (no cases)");
    private static final Set<String> CHANNEL = Set.of("chan receive", "chan send", "select");
    private static final Set<String> SYNC_WAIT_FUNCTIONS = Set.of("sync.(*WaitGroup).Wait", "sync.(*Cond).Wait");
    private static final Comparator<LeakSuspect> RANK = Comparator.comparingInt((LeakSuspect s) -> s.rule().ordinal())
            .thenComparingLong(s -> -s.count())
            .thenComparing(LeakSuspect::entryFunction);

    private final LeakRules rules;

    public LeakDetector(LeakRules rules) {
        this.rules = rules;
    }

    public LeakRules rules() {
        return rules;
    }

    /**
     * The ranked suspects.
     *
     * @param groups   the groups of the (latest) dump, or null
     * @param series   a series of snapshots, or null
     * @param profiles profiles that came with the dump (may be empty)
     */
    public List<LeakSuspect> detect(GoroutineGroups groups, SeriesAnalysis series, List<Profile> profiles) {
        List<LeakSuspect> out = new ArrayList<>();
        for (Profile p : profiles) {
            if (p.kind().equals("goroutineleak")) {
                leakProfile(p, out);
            } else if (p.kind().equals("heap") || p.kind().equals("allocs")) {
                timeAfter(p, out);
            }
        }
        if (groups != null) {
            Earlier earlier = Earlier.of(groups.dump(), series);
            for (int k = 0; k < groups.size(); k++) {
                blocked(groups, k, earlier, out);
            }
            manyAtOneSite(groups, out);
        }
        if (series != null) {
            for (SeriesRow r : series.growing()) {
                out.add(new LeakSuspect(LeakRule.GROWING, r.last(), r.entryFunction(), r.leafFunction(),
                        r.waitReason(), growthEvidence(r), groups == null ? -1 : find(groups, r)));
            }
        }
        out.sort(RANK);
        return out;
    }

    private void blocked(GoroutineGroups groups, int k, Earlier earlier, List<LeakSuspect> out) {
        GoroutineGroup g = groups.group(k);
        if (g.waitReason() == null) {
            return;
        }
        String reason = g.waitReason();
        if (g.leaked() > 0) {
            out.add(suspect(LeakRule.GOROUTINELEAK_PROFILE, g.leaked(), g, plural(g.leaked()) + " in " + reason
                    + " marked (leaked) by the goroutineleak profile: the GC found nothing that can wake them"));
            if (g.leaked() == g.count()) {
                return;
            }
        }
        if (FOREVER.contains(reason)) {
            out.add(suspect(LeakRule.BLOCKED_FOREVER, g.count(), g,
                    plural(g.count()) + " in " + reason + waited(g.minWaitMinutes(), g.maxWaitMinutes())
                            + ": nothing can ever wake them"));
            return;
        }
        boolean channel = CHANNEL.contains(reason);
        boolean sync = !channel && waitsOnSync(groups, g);
        if (!channel && !sync) {
            return;
        }
        int threshold = channel ? rules.blockedMinutes() : rules.syncWaitMinutes();
        LeakRule rule = channel ? LeakRule.BLOCKED_CHANNEL : LeakRule.SYNC_WAIT;
        String what = channel ? reason : syncFunction(groups, g) + " (" + reason + ")";
        if (g.maxWaitMinutes() < threshold) {
            int same = earlier == null || earlier.minutes() < threshold ? 0 : earlier.stillWaiting(groups, k);
            if (same > 0) {
                out.add(suspect(rule, same, g, plural(same) + " in " + what + " already in the same state "
                        + String.format(Locale.ROOT, "%.1f", earlier.minutes()) + " min earlier ("
                        + earlier.label() + ", same goroutine ids; threshold " + threshold + " min)"));
            }
            return;
        }
        GoroutineDump dump = groups.dump();
        int n = 0;
        int min = Integer.MAX_VALUE;
        for (int m : groups.members(k)) {
            if (dump.waitMinutes(m) >= threshold) {
                n++;
                min = Math.min(min, dump.waitMinutes(m));
            }
        }
        out.add(suspect(rule, n, g,
                plural(n) + " in " + what + waited(min, g.maxWaitMinutes()) + " (threshold " + threshold + " min)"));
    }

    /**
     * The oldest snapshot of a series with a dump, taken before the analysed dump: a goroutine with the same id in
     * the same wait reason there has been waiting at least that long, even when the dump header gives no minutes
     * (the runtime only records them once a GC has run).
     */
    private record Earlier(GoroutineDump dump, StackFacts facts, String label, double minutes, LongIntMap index) {
        static Earlier of(GoroutineDump latest, SeriesAnalysis series) {
            if (series == null) {
                return null;
            }
            long latestTime = Long.MIN_VALUE;
            for (Snapshot s : series.snapshots()) {
                if (s.dump() == latest) {
                    latestTime = s.timeMillis();
                }
            }
            if (latestTime == Long.MIN_VALUE) {
                return null;
            }
            for (Snapshot s : series.snapshots()) {
                if (s.dump() != null && s.dump() != latest && s.timeMillis() < latestTime) {
                    LongIntMap index = new LongIntMap(s.dump().size());
                    for (int g = 0; g < s.dump().size(); g++) {
                        index.putIfAbsent(s.dump().id(g), g);
                    }
                    return new Earlier(s.dump(), StackFacts.of(s.dump().stacks()), s.label(),
                            (latestTime - s.timeMillis()) / 60_000.0, index);
                }
            }
            return null;
        }

        /** Members of {@code group} that were in the same wait reason and leaf function in the earlier dump. */
        int stillWaiting(GoroutineGroups groups, int group) {
            GoroutineDump now = groups.dump();
            StackFacts latest = groups.facts();
            int n = 0;
            for (int m : groups.members(group)) {
                int e = index.get(now.id(m));
                if (e >= 0 && Objects.equals(dump.waitReasonText(e), now.waitReasonText(m))
                        && facts.leafName(dump.stack(e)).equals(latest.leafName(now.stack(m)))) {
                    n++;
                }
            }
            return n;
        }
    }

    private static boolean waitsOnSync(GoroutineGroups groups, GoroutineGroup g) {
        return g.waitReason().equals("sync.WaitGroup.Wait") || g.waitReason().equals("sync.Cond.Wait")
                || syncFunction(groups, g) != null;
    }

    private static String syncFunction(GoroutineGroups groups, GoroutineGroup g) {
        StackTable stacks = groups.dump().stacks();
        for (int s = g.stack(); s != StackTable.EMPTY; s = stacks.parent(s)) {
            String fn = stacks.frames().functionName(stacks.frame(s));
            if (SYNC_WAIT_FUNCTIONS.contains(fn)) {
                return fn;
            }
        }
        return g.waitReason().equals("sync.Cond.Wait") ? "sync.(*Cond).Wait"
                : g.waitReason().equals("sync.WaitGroup.Wait") ? "sync.(*WaitGroup).Wait" : null;
    }

    /** Sums waiting goroutines by the innermost frame of the user's own code (the leaf when there is none). */
    private void manyAtOneSite(GoroutineGroups groups, List<LeakSuspect> out) {
        GoroutineDump dump = groups.dump();
        StackTable stacks = dump.stacks();
        Map<Integer, int[]> bySite = new LinkedHashMap<>();
        for (int k = 0; k < groups.size(); k++) {
            int g = groups.representative(k);
            if (dump.state(g) != GoroutineState.WAITING || dump.stack(g) == StackTable.EMPTY) {
                continue;
            }
            int site = ownFrame(stacks, dump.stack(g));
            int group = k;
            int[] acc = bySite.computeIfAbsent(site, x -> new int[] {0, 0, group});
            acc[0] += groups.count(k);
            acc[1]++;
            if (groups.count(k) > groups.count(acc[2])) {
                acc[2] = k;
            }
        }
        FrameTable frames = stacks.frames();
        for (Map.Entry<Integer, int[]> e : bySite.entrySet()) {
            int[] acc = e.getValue();
            if (acc[0] < rules.manyAtOneSite()) {
                continue;
            }
            int f = e.getKey();
            GoroutineGroup largest = groups.group(acc[2]);
            out.add(suspect(LeakRule.MANY_AT_ONE_SITE, acc[0], largest, plural(acc[0]) + " blocked at "
                    + frames.functionName(f) + " (" + frames.fileName(f) + ":" + frames.line(f) + ") in " + acc[1]
                    + (acc[1] == 1 ? " group" : " groups") + " (threshold " + rules.manyAtOneSite() + ")"));
        }
    }

    private static int ownFrame(StackTable stacks, int stack) {
        for (int s = stack; s != StackTable.EMPTY; s = stacks.parent(s)) {
            if (!GoFunctionName.isStandardLibrary(stacks.frames().functionName(stacks.frame(s)))) {
                return stacks.frame(s);
            }
        }
        return stacks.frame(stack);
    }

    private void leakProfile(Profile p, List<LeakSuspect> out) {
        StackFacts facts = StackFacts.of(p.stacks());
        long[] values = p.values()[p.defaultSampleType()];
        Map<List<String>, Long> byKey = new LinkedHashMap<>();
        for (int i = 0; i < p.sampleCount(); i++) {
            int s = p.sampleStack()[i];
            byKey.merge(List.of(facts.entryName(s), facts.leafName(s)), values[i], Long::sum);
        }
        for (Map.Entry<List<String>, Long> e : byKey.entrySet()) {
            long n = e.getValue();
            if (n > 0) {
                out.add(new LeakSuspect(LeakRule.GOROUTINELEAK_PROFILE, n, e.getKey().get(0), e.getKey().get(1), "",
                        "the goroutineleak profile reports " + plural(n) + " leaked in " + e.getKey().get(1), -1));
            }
        }
    }

    /** Live objects allocated under {@code time.After}, summed by the function that called it. */
    private void timeAfter(Profile p, List<LeakSuspect> out) {
        int type = sampleType(p, "inuse_objects");
        String measure = "live";
        if (type < 0) {
            type = sampleType(p, "alloc_objects");
            measure = "allocated";
        }
        if (type < 0) {
            return;
        }
        StackTable stacks = p.stacks();
        FrameTable frames = stacks.frames();
        int after = frames.strings().find("time.After");
        if (after < 0) {
            return;
        }
        Map<String, Long> byCaller = new HashMap<>();
        Map<String, String> entryOf = new HashMap<>();
        StackFacts facts = StackFacts.of(stacks);
        for (int i = 0; i < p.sampleCount(); i++) {
            int s0 = p.sampleStack()[i];
            for (int s = s0; s != StackTable.EMPTY; s = stacks.parent(s)) {
                if (frames.function(stacks.frame(s)) == after) {
                    int caller = stacks.parent(s);
                    String name = caller == StackTable.EMPTY ? "time.After" : frames.functionName(stacks.frame(caller));
                    byCaller.merge(name, p.values()[type][i], Long::sum);
                    entryOf.putIfAbsent(name, facts.entryName(s0));
                    break;
                }
            }
        }
        for (Map.Entry<String, Long> e : byCaller.entrySet()) {
            if (e.getValue() >= rules.timeAfterLiveTimers()) {
                out.add(new LeakSuspect(LeakRule.TIME_AFTER_LOOP, e.getValue(), entryOf.get(e.getKey()), e.getKey(),
                        "", e.getValue() + " timer objects " + measure + " by time.After in " + e.getKey() + " ("
                        + p.kind() + " profile; threshold " + rules.timeAfterLiveTimers() + ")", -1));
            }
        }
    }

    private static int sampleType(Profile p, String type) {
        List<SampleType> types = p.sampleTypes();
        for (int t = 0; t < types.size(); t++) {
            if (types.get(t).type().equals(type)) {
                return t;
            }
        }
        return -1;
    }

    private static int find(GoroutineGroups groups, SeriesRow r) {
        int best = -1;
        for (int k = 0; k < groups.size(); k++) {
            GoroutineGroup g = groups.group(k);
            if (g.entryFunction().equals(r.entryFunction()) && g.leafFunction().equals(r.leafFunction())
                    && g.stateLabel().equals(r.waitReason()) && (best < 0 || g.count() > groups.count(best))) {
                best = k;
            }
        }
        return best;
    }

    private static String growthEvidence(SeriesRow r) {
        StringBuilder sb = new StringBuilder();
        long[] c = r.counts();
        int shown = Math.min(c.length, 8);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(" → ");
            }
            if (shown < c.length && i == shown - 1) {
                sb.append("… → ");
                sb.append(c[c.length - 1]);
            } else {
                sb.append(c[i]);
            }
        }
        sb.append(" over ").append(c.length).append(" snapshots (")
                .append(String.format(Locale.ROOT, "%+.1f", r.perSnapshot())).append(" per snapshot");
        if (!Double.isNaN(r.perMinute())) {
            sb.append(String.format(Locale.ROOT, ", %+.1f per minute", r.perMinute()));
        }
        return sb.append(')').toString();
    }

    private static LeakSuspect suspect(LeakRule rule, long count, GoroutineGroup g, String evidence) {
        return new LeakSuspect(rule, count, g.entryFunction(), g.leafFunction(), g.stateLabel(), evidence, g.index());
    }

    private static String waited(int min, int max) {
        if (max <= 0) {
            return "";
        }
        return min == max ? " for " + max + " min" : " for " + min + "-" + max + " min";
    }

    private static String plural(long n) {
        return n + (n == 1 ? " goroutine" : " goroutines");
    }
}
