package dev.goroscope.app.timeline;

import dev.goroscope.app.tasks.TaskRunner;
import dev.goroscope.model.timeline.GroupSummary;
import java.util.HashMap;
import java.util.Map;

/**
 * The state strips ({@link GroupSummary}) of folded goroutine groups, each built once through the
 * {@link TaskRunner}, away from the FX thread, the first time its header is drawn. Until a strip is ready
 * {@link #summary} answers null (the header is drawn with its label and count only) and when it is, the
 * {@code onReady} callback repaints. {@link #regroup()} (the filter or the grouping changed) cancels the builds
 * under way and forgets every strip; a build that finishes after that is dropped.
 */
public final class GroupStrips {
    private final TimelineData data;
    private final TaskRunner runner;
    private final Map<String, Build> builds = new HashMap<>();
    private Runnable onReady = () -> { };

    /** One group's strip: under way while {@code summary} is null (a failed build leaves its header without one). */
    private static final class Build {
        private TaskRunner.Job job;
        private GroupSummary summary;
    }

    public GroupStrips(TimelineData data, TaskRunner runner) {
        this.data = data;
        this.runner = runner;
    }

    /** Called on the FX thread when a strip is ready. */
    public void setOnReady(Runnable r) {
        onReady = r;
    }

    /** The strip of the goroutine group {@code header}, or null while it is built (starting the build if needed). */
    public GroupSummary summary(LaneRows.Header header) {
        Build b = builds.get(header.key());
        if (b == null) {
            b = start(header);
        }
        return b.summary;
    }

    /** The strip of the group {@code key} if it is ready, without starting a build. */
    GroupSummary ready(String key) {
        Build b = builds.get(key);
        return b == null ? null : b.summary;
    }

    /** The goroutines of the groups may have changed: stops the builds under way and forgets every strip. */
    public void regroup() {
        for (Build b : builds.values()) {
            if (b.summary == null) {
                b.job.cancel();
            }
        }
        builds.clear();
    }

    private Build start(LaneRows.Header header) {
        Build b = new Build();
        String key = header.key();
        int[] members = header.members();
        builds.put(key, b);
        b.job = runner.run(progress -> data.groupSummary(members, progress::cancelled), summary -> {
            if (builds.get(key) == b) {
                b.summary = summary;
                onReady.run();
            }
        }, failure -> { });
        return b;
    }
}
