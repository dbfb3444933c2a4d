package dev.goroscope.importers.series;

import dev.goroscope.importers.ImportException;
import dev.goroscope.importers.ImportSource;
import dev.goroscope.importers.Importer;
import dev.goroscope.importers.Importers;
import dev.goroscope.importers.Progress;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.analysis.DiffKeys;
import dev.goroscope.model.analysis.Snapshot;
import dev.goroscope.model.profile.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads dumps or goroutine profiles taken over time into a series: a folder (its files, not its subfolders) or
 * any files. Each file's time comes from its name or modification time ({@link SnapshotTime}). A file that
 * cannot be read becomes a problem line and the others still load; files of a folder that no importer
 * recognises are skipped by name.
 */
public final class SeriesLoader {
    private final Importers importers;

    public SeriesLoader(Importers importers) {
        this.importers = importers;
    }

    public SeriesLoader() {
        this(Importers.all());
    }

    /**
     * Loads the snapshots of {@code paths}: folders are expanded to their regular files.
     *
     * @throws ImportException when nothing could be read, or the user cancelled
     */
    public LoadedSeries load(List<Path> paths, Progress progress) throws ImportException {
        List<Path> files = new ArrayList<>();
        List<Boolean> fromFolder = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(f -> {
                                files.add(f);
                                fromFolder.add(true);
                            });
                } catch (IOException e) {
                    throw new ImportException(p.toString(), "", "cannot list the folder: " + e.getMessage(), e);
                }
            } else {
                files.add(p);
                fromFolder.add(false);
            }
        }
        DiffKeys keys = new DiffKeys();
        List<Snapshot> snapshots = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            if (progress.cancelled()) {
                throw new ImportException(f.toString(), "", "cancelled");
            }
            progress.update(i, files.size());
            try {
                if (fromFolder.get(i) && !recognised(f)) {
                    skipped.add(f.getFileName().toString());
                    continue;
                }
                Snapshot s = snapshot(f, importers.open(f), keys);
                if (s == null) {
                    problems.add(f + ": neither a goroutine dump nor a goroutine profile");
                } else {
                    snapshots.add(s);
                }
            } catch (ImportException e) {
                problems.add(e.getMessage());
            } catch (IOException e) {
                problems.add(f + ": cannot read: " + e.getMessage());
            }
        }
        progress.update(files.size(), files.size());
        if (snapshots.isEmpty()) {
            throw new ImportException(paths.isEmpty() ? "(no files)" : paths.get(0).toString(), "",
                    "no goroutine dump or goroutine profile in " + files.size() + " file(s)"
                            + (problems.isEmpty() ? "" : "; first problem: " + problems.get(0)));
        }
        snapshots.sort(Comparator.comparingLong(Snapshot::timeMillis).thenComparing(Snapshot::label));
        return new LoadedSeries(snapshots, keys, problems, skipped);
    }

    /** The snapshot of one imported file, or null when it holds no goroutines. */
    static Snapshot snapshot(Path f, Dataset d, DiffKeys keys) throws IOException {
        String label = f.getFileName().toString();
        long time = SnapshotTime.of(f);
        if (d.dump() != null) {
            return Snapshot.ofDump(label, time, d.dump(), keys);
        }
        for (Profile p : d.profiles()) {
            if (p.kind().equals("goroutine")) {
                return Snapshot.ofProfile(label, time, p, keys);
            }
        }
        return null;
    }

    private boolean recognised(Path f) throws ImportException, IOException {
        ImportSource src = Importers.fileSource(f);
        byte[] head = new byte[Importers.HEAD_BYTES];
        int n;
        try (InputStream in = src.open()) {
            n = in.readNBytes(head, 0, head.length);
        }
        for (Importer imp : importers.list()) {
            if (n > 0 && imp.sniff(head, n) != Importer.Confidence.NO) {
                return true;
            }
        }
        return false;
    }
}
