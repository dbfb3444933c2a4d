package dev.goroscope.importers.pprof;

import dev.goroscope.model.profile.SampleType;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import java.util.List;

/**
 * Names what a pprof profile is of. The file does not say; Go's profiles are told apart by their sample types
 * (FORMATS.md §2.3): {@code cpu}, {@code heap} and {@code allocs} (the same columns, allocs defaulting to
 * alloc_space), {@code goroutine}, {@code threadcreate}, {@code goroutineleak} (Go 1.26), and {@code block} and
 * {@code mutex}, which share their columns and differ in where samples end: a mutex profile charges the delay to
 * the unlock that ended it, so its innermost frames are unlock calls.
 */
final class ProfileKinds {
    private ProfileKinds() {
    }

    static String infer(List<SampleType> types, int defaultType, SampleType periodType, StackTable stacks,
            int[] sampleStack) {
        if (has(types, "cpu")) {
            return "cpu";
        }
        if (has(types, "inuse_space") || has(types, "alloc_space")) {
            String dflt = types.get(defaultType).type();
            return dflt.startsWith("alloc_") ? "allocs" : "heap";
        }
        if (has(types, "contentions") && has(types, "delay")) {
            return endsInUnlock(stacks, sampleStack) ? "mutex" : "block";
        }
        if (types.size() == 1) {
            return types.get(0).type();
        }
        return periodType != null && !periodType.type().isEmpty() ? periodType.type() : types.get(defaultType).type();
    }

    private static boolean has(List<SampleType> types, String name) {
        for (SampleType t : types) {
            if (t.type().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsInUnlock(StackTable stacks, int[] sampleStack) {
        FrameTable frames = stacks.frames();
        for (int s : sampleStack) {
            if (s != StackTable.EMPTY) {
                String leaf = frames.functionName(stacks.frame(s));
                if (leaf.endsWith("Unlock") || leaf.equals("runtime.unlock")
                        || leaf.equals("runtime._LostContendedRuntimeLock")) {
                    return true;
                }
            }
        }
        return false;
    }
}
