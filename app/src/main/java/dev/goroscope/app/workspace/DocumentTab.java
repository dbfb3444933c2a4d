package dev.goroscope.app.workspace;

import dev.goroscope.app.export.SvgOptions;
import dev.goroscope.app.flame.FlameGraphCanvas;
import dev.goroscope.app.flame.FlameGraphModel;
import dev.goroscope.app.flame.FlameGraphPane;
import dev.goroscope.app.flame.WeightFormat;
import dev.goroscope.app.goroutines.GoroutinePane;
import dev.goroscope.app.leaks.LeakWorkbench;
import dev.goroscope.app.settings.Settings;
import dev.goroscope.app.source.FrameLink;
import dev.goroscope.app.source.SourcePane;
import dev.goroscope.app.source.SourceView;
import dev.goroscope.app.tasks.TaskRunner;
import dev.goroscope.app.timeline.SpanTimelinePane;
import dev.goroscope.app.timeline.TimeTicks;
import dev.goroscope.app.timeline.TimelinePane;
import dev.goroscope.model.Dataset;
import dev.goroscope.model.calltree.CallTree;
import dev.goroscope.model.profile.LabelSelection;
import dev.goroscope.model.timeline.SpanLane;
import dev.goroscope.model.timeline.SpanSelfTimes;
import dev.goroscope.model.timeline.Timeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;

/**
 * One opened file: its flame graph (with a chooser when the file holds several stack sources, e.g. sample
 * types, and pprof label controls) with the source of the zoomed frame beside it; for a goroutine dump the table
 * of goroutines through the zoomed frame, whose stacks link to the source pane; for a Chrome trace its timeline of
 * thread spans above the flame graph, which shows the self time of the spans in the range selected on the timeline's
 * ruler (the whole trace when none).
 */
public final class DocumentTab extends Tab {
    private final Path path;
    private final Dataset dataset;
    private final List<StackSource> sources;
    private final FlameGraphModel model;
    private final FlameGraphPane flamePane;
    private final GoroutinePane goroutinePane;
    private final LeakWorkbench leaks;
    private final SplitPane split = new SplitPane();
    private final SplitPane flameArea;
    private final LabelControls labels;
    private final ComboBox<StackSource> chooser;
    private final SpanTimelinePane spanTimeline;
    private final Label spanRange = new Label();
    private final TaskRunner runner;
    private final Consumer<String> status;
    private StackSource shown;
    private TaskRunner.Job rangeJob;
    private long rangeGeneration;

    DocumentTab(OpenedFile file, TaskRunner runner, Settings settings, Consumer<String> status) {
        this.path = file.path();
        this.dataset = file.dataset();
        this.sources = file.sources();
        this.runner = runner;
        this.status = status;
        setText(file.title());
        setTooltip(new Tooltip(file.description()));
        if (sources.isEmpty()) {
            labels = null;
            chooser = null;
            spanTimeline = null;
            model = null;
            flamePane = null;
            goroutinePane = null;
            leaks = null;
            flameArea = null;
            if (dataset.timeline() != null) {
                setContent(new TimelinePane(dataset.timeline(), runner, status));
                return;
            }
            Label empty = new Label("This " + dataset.format() + " holds no stacks to draw as a flame graph.");
            empty.getStyleClass().add("empty-document");
            setContent(empty);
            return;
        }
        StackSource first = sources.get(file.shownFirst());
        model = new FlameGraphModel(file.firstTree(), runner);
        flamePane = new FlameGraphPane(model, status);
        goroutinePane = file.goroutines() == null ? null : new GoroutinePane(file.goroutines(), this::openSource);
        leaks = goroutinePane == null ? null
                : new LeakWorkbench(goroutinePane, dataset.dump(), dataset.profiles(), runner, status,
                        this::openSource);
        spanTimeline = dataset.timeline() == null || dataset.timeline().spanLanes().isEmpty() ? null
                : new SpanTimelinePane(dataset.timeline(), runner, status);
        labels = new LabelControls(selection -> showStacks());
        flamePane.addCrumbBarControl(labels);
        chooser = sources.size() > 1 ? new ComboBox<>() : null;
        if (chooser != null) {
            chooser.setId("source-chooser");
            chooser.getItems().setAll(sources);
            chooser.getSelectionModel().select(file.shownFirst());
            chooser.setTooltip(new Tooltip("What the flame graph weighs"));
            chooser.setPrefWidth(200);
            chooser.valueProperty().addListener((o, a, b) -> showSource(b));
            flamePane.addLeadingControl(chooser);
        }
        if (spanTimeline != null) {
            spanRange.setId("span-range");
            spanRange.getStyleClass().add("muted");
            flamePane.addCrumbBarControl(spanRange);
            spanTimeline.canvas().setOnRange(this::showStacks);
        }
        flameArea = SourceView.beside(flamePane, model, settings, status);
        split.setOrientation(Orientation.VERTICAL);
        split.getStyleClass().add("document-split");
        setContent(split);
        model.snapshotProperty().addListener((o, a, b) -> updateGoroutines());
        showSource(first);
    }

    public Path path() {
        return path;
    }

    public Dataset dataset() {
        return dataset;
    }

    /** The flame graph's view-model, empty when the file has no stacks. */
    public Optional<FlameGraphModel> model() {
        return Optional.ofNullable(model);
    }

    public Optional<FlameGraphPane> flamePane() {
        return Optional.ofNullable(flamePane);
    }

    /** The timeline of a trace of named spans (Chrome trace JSON) above its flame graph. */
    public Optional<SpanTimelinePane> spanTimeline() {
        return Optional.ofNullable(spanTimeline);
    }

    /** The source of the zoomed frame, beside the flame graph. */
    public Optional<SourcePane> sourcePane() {
        return flameArea == null ? Optional.empty() : Optional.of(SourceView.paneOf(flameArea));
    }

    /** Shows {@code link}'s file at its line in the source pane, widening the pane when it is squeezed shut. */
    private void openSource(FrameLink link) {
        if (flameArea.getDividerPositions()[0] > 0.9) {
            flameArea.setDividerPositions(0.62);
        }
        SourceView.paneOf(flameArea).showLink(link);
    }

    /** The goroutine table, present for a dump. */
    public Optional<GoroutinePane> goroutinePane() {
        return Optional.ofNullable(goroutinePane);
    }

    /** The goroutine table with the leak workbench's groups, suspects and creation tree, present for a dump. */
    public Optional<LeakWorkbench> leaks() {
        return Optional.ofNullable(leaks);
    }

    /** "12 goroutines" for a dump, empty otherwise. */
    public String goroutineSummary() {
        return dataset.dump() == null ? "" : WeightFormat.format(dataset.dump().size(), "goroutines");
    }

    /**
     * The weight the flame graph shows: "Total 2.35 s" for a profile; for a dump only when transforms left out
     * goroutines, as "Showing 12 goroutines (20.3% of all)".
     */
    public String totalSummary() {
        if (model == null) {
            return "";
        }
        String unit = model.unit();
        long shown = model.tree().total(CallTree.ROOT);
        long all = model.tree().input().totalWeight();
        if (shown != all) {
            return "Showing " + WeightFormat.format(shown, unit) + " (" + WeightFormat.percent(shown, all) + " of all)";
        }
        return "goroutines".equals(unit) ? "" : "Total " + WeightFormat.format(shown, unit);
    }

    /**
     * How an SVG export draws exactly what is on screen: the canvas width, the canvas's smallest frame, and a
     * title naming the file (and the sample type when the file has several, and the label filter if any).
     */
    SvgOptions svgOptions() {
        List<String> focus = labels.selection().focusTexts();
        String title = getText() + (sources.size() > 1 ? " — " + shown.label() : "")
                + (focus.isEmpty() ? "" : " — " + String.join(", ", focus))
                + (hasSpanRange() ? " — " + spanRange.getText() : "");
        double width = Math.max(100, flamePane.canvas().drawingWidth());
        return new SvgOptions(width, FlameGraphCanvas.MIN_BOX_WIDTH, title);
    }

    /** The label filter and grouping chooser of the flame graph, present when the file has stacks. */
    Optional<LabelControls> labelControls() {
        return Optional.ofNullable(labels);
    }

    /** How this tab looks at its data, empty when the file has no stacks. */
    Optional<TabView> view() {
        return model == null ? Optional.empty()
                : Optional.of(new TabView(shown.label(), labels.selection(), model.view(), flamePane.searchText()));
    }

    /**
     * Looks at this tab's data as {@code view} looked at the file's previous version: the stack source of the same
     * label if there is one, the label choices the data still offers, the transforms, the zoom (on the deepest node
     * of its path that is still there), the orientation and the search.
     */
    void carryOver(TabView view) {
        if (model == null) {
            return;
        }
        if (chooser != null) {
            sources.stream().filter(s -> s.label().equals(view.source())).findFirst().ifPresent(chooser::setValue);
        }
        labels.choose(view.labels());
        model.restore(view.flame());
        flamePane.setSearchText(view.search());
    }

    private void showSource(StackSource source) {
        shown = source;
        labels.show(source.profile(), source.sampleType());
        showStacks();
        if (source.fromDump()) {
            split.getItems().setAll(flameArea, leaks);
            split.setDividerPositions(0.64);
        } else if (spanTimeline != null) {
            split.getItems().setAll(spanTimeline, flameArea);
            split.setDividerPositions(0.5);
        } else {
            split.getItems().setAll(flameArea);
        }
        updateGoroutines();
    }

    /**
     * Shows the stacks of the chosen source under the chosen labels, or for a Chrome trace with a range selected the
     * self time of the chosen thread's spans in it; filtering a big profile and clipping spans run off the FX thread.
     */
    private void showStacks() {
        StackSource source = shown;
        if (spanTimeline != null) {
            spanRange.setText(hasSpanRange() ? TimeTicks.range(spanTimeline.canvas().selectionFrom(),
                    spanTimeline.canvas().selectionTo(), dataset.timeline().startNs())
                    : "Whole trace (drag on the ruler above to select a range)");
            if (rangeJob != null) {
                rangeJob.cancel();
                rangeJob = null;
            }
            rangeGeneration++;
            if (hasSpanRange()) {
                showSpanRange(source);
                return;
            }
        }
        LabelSelection selection = labels.selection();
        if (selection.isNone() || source.profile() == null) {
            model.setInput(source.stacks());
            return;
        }
        runner.run(p -> source.stacks(selection), stacks -> {
            if (shown == source && labels.selection().equals(selection)) {
                model.setInput(stacks);
            }
        }, error -> status.accept("Cannot apply the labels: " + error.getMessage()));
    }

    private boolean hasSpanRange() {
        return spanTimeline != null && spanTimeline.canvas().selectionTo() > spanTimeline.canvas().selectionFrom();
    }

    /** Computes the self time of {@code source}'s thread's spans clipped to the selected range in the background. */
    private void showSpanRange(StackSource source) {
        Timeline timeline = dataset.timeline();
        List<SpanLane> lanes = timeline.spanLanes().stream()
                .filter(l -> l.name().equals(source.profile().name())).toList();
        long from = spanTimeline.canvas().selectionFrom();
        long to = spanTimeline.canvas().selectionTo();
        long generation = rangeGeneration;
        rangeJob = runner.run(p -> SpanSelfTimes.of(lanes, timeline.strings(), from, to, p::cancelled), stacks -> {
            if (generation == rangeGeneration) {
                model.setInput(stacks);
            }
        }, error -> {
            if (generation == rangeGeneration && !(error instanceof CancellationException)) {
                status.accept("Cannot compute the span times of the range: " + error.getMessage());
            }
        });
    }

    private void updateGoroutines() {
        if (goroutinePane != null && model.tree().input() == sources.get(0).stacks()) {
            goroutinePane.show(model.tree(), model.zoomNode());
        }
    }
}
