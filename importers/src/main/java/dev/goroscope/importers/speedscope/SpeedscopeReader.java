package dev.goroscope.importers.speedscope;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportLimits;
import dev.goroscope.importers.support.Checkpoint;
import dev.goroscope.importers.support.Json;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.profile.Profile;
import dev.goroscope.model.stack.FrameTable;
import dev.goroscope.model.stack.StackTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One pass over a speedscope file. Stacks are interned as they stream by in a table whose "frames" are the file's
 * frame indices, because {@code shared.frames} may come after the profiles; at the end the indices are resolved to
 * interned frames and the stacks copied into the final table.
 */
final class SpeedscopeReader {
    private static final String BUILDING = "while building the stacks";

    private final String file;
    private final JsonParser p;
    private final Checkpoint checkpoint;
    private final ImportLimits limits;
    private final LongSupplier offset;
    private final StackTable byIndex = new StackTable(new FrameTable());
    private final List<RawProfile> profiles = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private String[] frameName = new String[64];
    private String[] frameFile = new String[64];
    private int[] frameLine = new int[64];
    private int frameCount = -1;
    private int maxFrame = -1;
    private String maxFrameWhere;
    private String exporter;

    SpeedscopeReader(String file, JsonParser p, Checkpoint checkpoint, ImportLimits limits) {
        this.file = file;
        this.p = p;
        this.checkpoint = checkpoint;
        this.limits = limits;
        this.offset = () -> p.currentLocation().getByteOffset();
    }

    Dataset read() throws IOException, ImportException {
        if (p.nextToken() == null) {
            throw ImportException.atByte(file, 0, "the file is empty");
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw Json.error(file, p, "expected a JSON object with \"shared\" frames and \"profiles\"");
        }
        while (Json.next(file, p) == JsonToken.FIELD_NAME) {
            switch (p.currentName()) {
                case "shared" -> readShared();
                case "profiles" -> readProfiles();
                case "exporter" -> exporter = string("exporter");
                default -> skipValue();
            }
        }
        if (p.nextToken() != null) {
            throw Json.error(file, p, "more content after the end of the speedscope object");
        }
        if (frameCount < 0) {
            throw new ImportException(file, "", "no \"shared\": {\"frames\": [...]} in the file");
        }
        if (maxFrame >= frameCount) {
            throw new ImportException(file, maxFrameWhere, "frame index " + maxFrame + " but the file has "
                    + frameCount + " frames");
        }
        if (profiles.isEmpty()) {
            throw new ImportException(file, "", "no profiles in the file");
        }
        return Dataset.ofProfiles(file, exporter == null ? "speedscope JSON" : "speedscope JSON (" + exporter + ")",
                null, warnings, build());
    }

    private List<Profile> build() throws ImportException {
        FrameTable frames = new FrameTable();
        int[] frameOf = new int[frameCount];
        for (int i = 0; i < frameCount; i++) {
            checkpoint.step(BUILDING);
            frameOf[i] = frames.intern(frameName[i], frameFile[i], frameLine[i]);
        }
        StackTable stacks = new StackTable(frames);
        int[] stackOf = new int[byIndex.size()];
        for (int s = 0; s < stackOf.length; s++) {
            checkpoint.step(BUILDING);
            int parent = byIndex.parent(s);
            stackOf[s] = stacks.push(parent == StackTable.EMPTY ? StackTable.EMPTY : stackOf[parent],
                    frameOf[byIndex.frame(s)]);
        }
        List<Profile> out = new ArrayList<>();
        for (RawProfile raw : profiles) {
            checkpoint.step(BUILDING);
            out.add(raw.toProfile(stacks, stackOf, file));
        }
        return out;
    }

    private void readShared() throws IOException, ImportException {
        expect(JsonToken.START_OBJECT, "an object with \"frames\"");
        while (Json.next(file, p) == JsonToken.FIELD_NAME) {
            if (p.currentName().equals("frames")) {
                readFrames();
            } else {
                skipValue();
            }
        }
    }

    private void readFrames() throws IOException, ImportException {
        expect(JsonToken.START_ARRAY, "an array of frames");
        frameCount = 0;
        while (Json.next(file, p) != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw Json.error(file, p, "a frame must be an object like {\"name\": \"main.main\"}");
            }
            if (frameCount == limits.maxStrings()) {
                throw limits.tooManyStrings(file, Json.where(p.currentTokenLocation()));
            }
            if (frameCount == frameName.length) {
                frameName = Arrays.copyOf(frameName, frameCount * 2);
                frameFile = Arrays.copyOf(frameFile, frameCount * 2);
                frameLine = Arrays.copyOf(frameLine, frameCount * 2);
            }
            String name = "(unnamed)";
            String path = "";
            int line = 0;
            while (Json.next(file, p) == JsonToken.FIELD_NAME) {
                switch (p.currentName()) {
                    case "name" -> name = string("name");
                    case "file" -> path = string("file");
                    case "line" -> line = (int) Math.min(Integer.MAX_VALUE, nonNegativeInt("line"));
                    default -> skipValue();
                }
            }
            frameName[frameCount] = name;
            frameFile[frameCount] = path;
            frameLine[frameCount] = line;
            frameCount++;
        }
        if (maxFrame >= frameCount) {
            throw new ImportException(file, maxFrameWhere, "frame index " + maxFrame + " but the file has "
                    + frameCount + " frames");
        }
    }

    private void readProfiles() throws IOException, ImportException {
        expect(JsonToken.START_ARRAY, "an array of profiles");
        while (Json.next(file, p) != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw Json.error(file, p, "a profile must be an object");
            }
            readProfile();
        }
    }

    private void readProfile() throws IOException, ImportException {
        RawProfile raw = new RawProfile(Json.where(p.currentTokenLocation()), "profile " + (profiles.size() + 1));
        String type = null;
        while (Json.next(file, p) == JsonToken.FIELD_NAME) {
            switch (p.currentName()) {
                case "type" -> type = string("type");
                case "name" -> raw.name = string("name");
                case "unit" -> raw.unit = string("unit");
                case "samples" -> readSamples(raw);
                case "weights" -> readWeights(raw);
                case "events" -> readEvents(raw);
                default -> skipValue();
            }
        }
        if (!"sampled".equals(type) && !"evented".equals(type)) {
            throw new ImportException(file, raw.where, "profile \"" + raw.name
                    + "\" has type " + (type == null ? "missing" : '"' + type + '"') + "; expected \"sampled\" or \"evented\"");
        }
        raw.check(type.equals("evented"), file);
        if (!RawProfile.knownUnit(raw.unit)) {
            warnings.add("profile \"" + raw.name + "\" has unknown unit \"" + raw.unit + "\"; its weights are shown as counts");
        }
        profiles.add(raw);
    }

    private void readSamples(RawProfile raw) throws IOException, ImportException {
        expect(JsonToken.START_ARRAY, "an array of samples (arrays of frame indices)");
        raw.sampled = true;
        while (Json.next(file, p) != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw Json.error(file, p, "a sample must be an array of frame indices");
            }
            int stack = StackTable.EMPTY;
            for (int depth = 0; Json.next(file, p) != JsonToken.END_ARRAY; depth++) {
                if (depth == limits.maxStackDepth()) {
                    throw limits.stackTooDeep(file, Json.where(p.currentTokenLocation()));
                }
                stack = byIndex.push(stack, frameIndex());
            }
            raw.addSample(stack);
            checkpoint.tick(offset);
        }
    }

    private void readWeights(RawProfile raw) throws IOException, ImportException {
        expect(JsonToken.START_ARRAY, "an array of weights");
        raw.weighted = true;
        while (Json.next(file, p) != JsonToken.END_ARRAY) {
            raw.addWeight(nonNegativeNumber("a weight"));
        }
    }

    private void readEvents(RawProfile raw) throws IOException, ImportException {
        expect(JsonToken.START_ARRAY, "an array of events");
        raw.evented = true;
        int[] open = new int[64];
        int depth = 0;
        int stack = StackTable.EMPTY;
        double last = Double.NEGATIVE_INFINITY;
        while (Json.next(file, p) != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw Json.error(file, p, "an event must be an object like {\"type\": \"O\", \"at\": 0, \"frame\": 0}");
            }
            String where = null;
            String type = null;
            double at = Double.NaN;
            int frame = -1;
            while (Json.next(file, p) == JsonToken.FIELD_NAME) {
                switch (p.currentName()) {
                    case "type" -> {
                        where = Json.where(p.currentTokenLocation());
                        type = string("type");
                    }
                    case "at" -> at = number("at");
                    case "frame" -> {
                        Json.next(file, p);
                        frame = frameIndex();
                    }
                    default -> skipValue();
                }
            }
            if (type == null || Double.isNaN(at) || frame < 0 || !(type.equals("O") || type.equals("C"))) {
                throw Json.error(file, p, "an event needs \"type\" \"O\" or \"C\", \"at\" and \"frame\"");
            }
            if (at < last) {
                throw new ImportException(file, where, "event at " + at + " comes after one at " + last
                        + ": events must not go back in time");
            }
            if (depth > 0) {
                raw.addTime(stack, at - last);
            }
            last = at;
            if (type.equals("O")) {
                if (depth == limits.maxStackDepth()) {
                    throw limits.stackTooDeep(file, where);
                }
                if (depth == open.length) {
                    open = Arrays.copyOf(open, depth * 2);
                }
                open[depth++] = frame;
                stack = byIndex.push(stack, frame);
            } else {
                if (depth == 0 || open[depth - 1] != frame) {
                    throw new ImportException(file, where, "closes frame " + frameLabel(frame) + " while "
                            + (depth == 0 ? "no frame" : "frame " + frameLabel(open[depth - 1])) + " is open");
                }
                depth--;
                stack = byIndex.parent(stack);
            }
            checkpoint.tick(offset);
        }
        if (depth > 0) {
            throw Json.error(file, p, "the events end with " + depth + " frame(s) still open, the innermost "
                    + frameLabel(open[depth - 1]));
        }
    }

    private String frameLabel(int index) {
        return index < frameCount ? '"' + frameName[index] + '"' : "#" + index;
    }

    /** The frame index the parser is on, checked against the frames known so far. */
    private int frameIndex() throws IOException, ImportException {
        long v = p.currentToken() == JsonToken.VALUE_NUMBER_INT ? p.getValueAsLong(-1) : -1;
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw Json.error(file, p, "a frame index must be a whole number from 0");
        }
        int i = (int) v;
        if (i > maxFrame) {
            maxFrame = i;
            maxFrameWhere = Json.where(p.currentTokenLocation());
            if (frameCount >= 0 && i >= frameCount) {
                throw Json.error(file, p, "frame index " + i + " but the file has " + frameCount + " frames");
            }
        }
        return i;
    }

    private String string(String what) throws IOException, ImportException {
        if (Json.next(file, p) != JsonToken.VALUE_STRING) {
            throw Json.error(file, p, '"' + what + "\" must be a string");
        }
        return p.getText();
    }

    private double number(String what) throws IOException, ImportException {
        if (!Json.next(file, p).isNumeric() || Double.isInfinite(p.getDoubleValue())) {
            throw Json.error(file, p, '"' + what + "\" must be a number");
        }
        return p.getDoubleValue();
    }

    private double nonNegativeNumber(String what) throws IOException, ImportException {
        if (!p.currentToken().isNumeric() || p.getDoubleValue() < 0 || Double.isInfinite(p.getDoubleValue())) {
            throw Json.error(file, p, what + " must be a number from 0");
        }
        return p.getDoubleValue();
    }

    private long nonNegativeInt(String what) throws IOException, ImportException {
        if (Json.next(file, p) != JsonToken.VALUE_NUMBER_INT || p.getValueAsLong(-1) < 0) {
            throw Json.error(file, p, '"' + what + "\" must be a whole number from 0");
        }
        return p.getValueAsLong();
    }

    private void expect(JsonToken token, String what) throws IOException, ImportException {
        if (Json.next(file, p) != token) {
            throw Json.error(file, p, "expected " + what);
        }
    }

    private void skipValue() throws IOException, ImportException {
        Json.next(file, p);
        p.skipChildren();
    }
}
