package dev.goroscope.model.timeline;

import java.util.Arrays;

/**
 * What the program itself wrote with {@code runtime/trace}: tasks, regions and log messages, as columns read by
 * index. Names and messages are ids in {@link Timeline#strings()}. A task or region that began before the trace started has start
 * {@link Goroutines#UNKNOWN}; one still open at the end has the trace's end as its end.
 */
public final class Annotations {
    /** Tasks: id, parent id (0 = none), name, start, end. */
    private final long[] taskId;
    private final long[] taskParent;
    private final int[] taskName;
    private final long[] taskStart;
    private final long[] taskEnd;
    /** Regions: goroutine index, task id, name, start, end, nesting depth on their goroutine (0 = outermost). */
    private final int[] regionGoroutine;
    private final long[] regionTask;
    private final int[] regionName;
    private final long[] regionStart;
    private final long[] regionEnd;
    private final int[] regionDepth;
    /** Logs: time, goroutine index (-1 none), task id, category, message. */
    private final long[] logTime;
    private final int[] logGoroutine;
    private final long[] logTask;
    private final int[] logCategory;
    private final int[] logMessage;

    private Annotations(Builder b, long traceEnd) {
        taskId = Arrays.copyOf(b.taskId, b.tasks);
        taskParent = Arrays.copyOf(b.taskParent, b.tasks);
        taskName = Arrays.copyOf(b.taskName, b.tasks);
        taskStart = Arrays.copyOf(b.taskStart, b.tasks);
        taskEnd = Arrays.copyOf(b.taskEnd, b.tasks);
        regionGoroutine = Arrays.copyOf(b.regionGoroutine, b.regions);
        regionTask = Arrays.copyOf(b.regionTask, b.regions);
        regionName = Arrays.copyOf(b.regionName, b.regions);
        regionStart = Arrays.copyOf(b.regionStart, b.regions);
        regionEnd = Arrays.copyOf(b.regionEnd, b.regions);
        regionDepth = Arrays.copyOf(b.regionDepth, b.regions);
        logTime = Arrays.copyOf(b.logTime, b.logs);
        logGoroutine = Arrays.copyOf(b.logGoroutine, b.logs);
        logTask = Arrays.copyOf(b.logTask, b.logs);
        logCategory = Arrays.copyOf(b.logCategory, b.logs);
        logMessage = Arrays.copyOf(b.logMessage, b.logs);
        for (int i = 0; i < taskEnd.length; i++) {
            if (taskEnd[i] == Long.MIN_VALUE) {
                taskEnd[i] = traceEnd;
            }
        }
        for (int i = 0; i < regionEnd.length; i++) {
            if (regionEnd[i] == Long.MIN_VALUE) {
                regionEnd[i] = traceEnd;
            }
        }
    }

    public long taskId(int i) {
        return taskId[i];
    }

    public long taskParent(int i) {
        return taskParent[i];
    }

    public int taskName(int i) {
        return taskName[i];
    }

    public long taskStart(int i) {
        return taskStart[i];
    }

    public long taskEnd(int i) {
        return taskEnd[i];
    }

    public int regionGoroutine(int i) {
        return regionGoroutine[i];
    }

    public long regionTask(int i) {
        return regionTask[i];
    }

    public int regionName(int i) {
        return regionName[i];
    }

    public long regionStart(int i) {
        return regionStart[i];
    }

    public long regionEnd(int i) {
        return regionEnd[i];
    }

    public int regionDepth(int i) {
        return regionDepth[i];
    }

    public long logTime(int i) {
        return logTime[i];
    }

    public int logGoroutine(int i) {
        return logGoroutine[i];
    }

    public long logTask(int i) {
        return logTask[i];
    }

    public int logCategory(int i) {
        return logCategory[i];
    }

    public int logMessage(int i) {
        return logMessage[i];
    }

    public int taskCount() {
        return taskId.length;
    }

    public int regionCount() {
        return regionGoroutine.length;
    }

    public int logCount() {
        return logTime.length;
    }

    /** Collects annotations as the reader meets them. */
    public static final class Builder {
        private long[] taskId = new long[8];
        private long[] taskParent = new long[8];
        private int[] taskName = new int[8];
        private long[] taskStart = new long[8];
        private long[] taskEnd = new long[8];
        private int tasks;
        private int[] regionGoroutine = new int[8];
        private long[] regionTask = new long[8];
        private int[] regionName = new int[8];
        private long[] regionStart = new long[8];
        private long[] regionEnd = new long[8];
        private int[] regionDepth = new int[8];
        private int regions;
        private long[] logTime = new long[8];
        private int[] logGoroutine = new int[8];
        private long[] logTask = new long[8];
        private int[] logCategory = new int[8];
        private int[] logMessage = new int[8];
        private int logs;
        private final java.util.HashMap<Long, Integer> openTask = new java.util.HashMap<>();

        /** A task began; a second begin of an open id starts a new task. */
        public void taskBegin(long t, long id, long parent, int name) {
            if (tasks == taskId.length) {
                int n = tasks * 2;
                taskId = Arrays.copyOf(taskId, n);
                taskParent = Arrays.copyOf(taskParent, n);
                taskName = Arrays.copyOf(taskName, n);
                taskStart = Arrays.copyOf(taskStart, n);
                taskEnd = Arrays.copyOf(taskEnd, n);
            }
            taskId[tasks] = id;
            taskParent[tasks] = parent;
            taskName[tasks] = name;
            taskStart[tasks] = t;
            taskEnd[tasks] = Long.MIN_VALUE;
            openTask.put(id, tasks++);
        }

        /** A task ended; one that began before the trace is added with an unknown start. */
        public void taskEnd(long t, long id, int nameIfUnknown) {
            Integer i = openTask.remove(id);
            if (i == null) {
                taskBegin(Goroutines.UNKNOWN, id, 0, nameIfUnknown);
                i = openTask.remove(id);
            }
            taskEnd[i] = t;
        }

        /** Opens a region; returns its handle for {@link #regionEnd}. */
        public int regionBegin(long t, int goroutine, long task, int name, int depth) {
            if (regions == regionGoroutine.length) {
                int n = regions * 2;
                regionGoroutine = Arrays.copyOf(regionGoroutine, n);
                regionTask = Arrays.copyOf(regionTask, n);
                regionName = Arrays.copyOf(regionName, n);
                regionStart = Arrays.copyOf(regionStart, n);
                regionEnd = Arrays.copyOf(regionEnd, n);
                regionDepth = Arrays.copyOf(regionDepth, n);
            }
            regionGoroutine[regions] = goroutine;
            regionTask[regions] = task;
            regionName[regions] = name;
            regionStart[regions] = t;
            regionEnd[regions] = Long.MIN_VALUE;
            regionDepth[regions] = depth;
            return regions++;
        }

        public void regionEnd(int handle, long t) {
            regionEnd[handle] = t;
        }

        public void log(long t, int goroutine, long task, int category, int message) {
            if (logs == logTime.length) {
                int n = logs * 2;
                logTime = Arrays.copyOf(logTime, n);
                logGoroutine = Arrays.copyOf(logGoroutine, n);
                logTask = Arrays.copyOf(logTask, n);
                logCategory = Arrays.copyOf(logCategory, n);
                logMessage = Arrays.copyOf(logMessage, n);
            }
            logTime[logs] = t;
            logGoroutine[logs] = goroutine;
            logTask[logs] = task;
            logCategory[logs] = category;
            logMessage[logs++] = message;
        }

        public Annotations build(long traceEnd) {
            return new Annotations(this, traceEnd);
        }
    }
}
