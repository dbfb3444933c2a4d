package dev.goroscope.app.workspace;

import dev.goroscope.app.flame.WeightFormat;
import dev.goroscope.model.profile.LabelSelection;
import dev.goroscope.model.profile.LabelValues;
import dev.goroscope.model.profile.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The flame graph's pprof label controls, shown only for a profile whose samples carry labels: a filter menu of
 * {@code key=value} choices (values of one key are alternatives, keys must all match, as {@code --tag-focus}) and
 * a "group by label" chooser that puts {@code key=value} at the root of every stack (as {@code --tag-group}).
 */
final class LabelControls extends HBox {
    /** Values offered per key, heaviest first; the rest are summed up in one disabled line. */
    static final int MAX_VALUES = 40;
    private static final String NO_GROUPING = "No label grouping";
    private static final String GROUP_PREFIX = "Group by label ";

    private final MenuButton filter = new MenuButton();
    private final ComboBox<String> group = new ComboBox<>();
    private final Consumer<LabelSelection> onChange;
    private final Map<String, Set<String>> focus = new LinkedHashMap<>();
    private Profile profile;
    private int type;
    private boolean syncing;

    LabelControls(Consumer<LabelSelection> onChange) {
        this.onChange = onChange;
        setId("label-controls");
        getStyleClass().add("label-controls");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        setPadding(new Insets(0, 8, 0, 0));
        filter.setId("label-filter");
        filter.setMnemonicParsing(false);
        filter.setTooltip(new Tooltip("Show only the samples with these pprof labels (like --tag-focus)"));
        group.setId("label-group");
        group.setTooltip(new Tooltip("Put each sample's label value at the root of its stack (like --tag-group)"));
        group.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                changed();
            }
        });
        filter.setMinWidth(USE_PREF_SIZE);
        group.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(filter, group);
        setVisible(false);
        setManaged(false);
    }

    /** What the user chose. */
    LabelSelection selection() {
        String g = group.getValue();
        List<String> keys = g == null || !g.startsWith(GROUP_PREFIX) ? List.of() : List.of(g.substring(GROUP_PREFIX.length()));
        return new LabelSelection(focus, keys);
    }

    /**
     * Offers the labels of {@code profile} weighted by value column {@code type} (null: hides the controls). Choices
     * whose key and value the profile still has are kept.
     */
    void show(Profile profile, int type) {
        this.profile = profile;
        this.type = type;
        boolean labelled = profile != null && !profile.labelKeys().isEmpty();
        setVisible(labelled);
        setManaged(labelled);
        syncing = true;
        try {
            if (!labelled) {
                focus.clear();
                group.getItems().clear();
                filter.getItems().clear();
                return;
            }
            Map<String, List<LabelValues.Value>> values = LabelValues.of(profile, type);
            focus.entrySet().removeIf(e -> !values.containsKey(e.getKey()));
            focus.forEach((k, vs) -> vs.removeIf(v -> values.get(k).stream().noneMatch(x -> x.value().equals(v))));
            focus.values().removeIf(Set::isEmpty);
            buildFilterMenu(values, profile.sampleTypes().get(type).unit());
            String chosen = group.getValue();
            List<String> items = new ArrayList<>();
            items.add(NO_GROUPING);
            profile.labelKeys().forEach(k -> items.add(GROUP_PREFIX + k));
            group.getItems().setAll(items);
            group.setValue(items.contains(chosen) ? chosen : NO_GROUPING);
        } finally {
            syncing = false;
        }
        updateFilterText();
    }

    /**
     * Chooses what {@code wanted} chose (e.g. in the file a reload replaces), as far as the labels offered now
     * have its keys and values, and applies it as a click would.
     */
    void choose(LabelSelection wanted) {
        focus.clear();
        wanted.focus().forEach((key, values) -> focus.put(key, new LinkedHashSet<>(values)));
        syncing = true;
        try {
            group.setValue(wanted.groupKeys().isEmpty() ? NO_GROUPING : GROUP_PREFIX + wanted.groupKeys().get(0));
        } finally {
            syncing = false;
        }
        show(profile, type);
        if (!selection().isNone()) {
            changed();
        }
    }

    private void buildFilterMenu(Map<String, List<LabelValues.Value>> values, String unit) {
        List<MenuItem> items = new ArrayList<>();
        MenuItem clear = new MenuItem("Show all samples");
        clear.setId("label-filter-clear");
        clear.setOnAction(e -> {
            focus.clear();
            filter.getItems().stream().filter(i -> i instanceof CheckMenuItem)
                    .forEach(i -> ((CheckMenuItem) i).setSelected(false));
            changed();
        });
        items.add(clear);
        values.forEach((key, list) -> {
            items.add(new SeparatorMenuItem());
            for (LabelValues.Value v : list.subList(0, Math.min(MAX_VALUES, list.size()))) {
                CheckMenuItem item = new CheckMenuItem(v + "   " + WeightFormat.format(v.weight(), unit));
                item.setMnemonicParsing(false);
                item.setSelected(focus.getOrDefault(key, Set.of()).contains(v.value()));
                item.setOnAction(e -> {
                    Set<String> chosen = focus.computeIfAbsent(key, k -> new LinkedHashSet<>());
                    if (item.isSelected()) {
                        chosen.add(v.value());
                    } else {
                        chosen.remove(v.value());
                        if (chosen.isEmpty()) {
                            focus.remove(key);
                        }
                    }
                    changed();
                });
                items.add(item);
            }
            if (list.size() > MAX_VALUES) {
                MenuItem more = new MenuItem((list.size() - MAX_VALUES) + " lighter values of " + key + " not listed");
                more.setDisable(true);
                items.add(more);
            }
        });
        filter.getItems().setAll(items);
    }

    private void changed() {
        updateFilterText();
        onChange.accept(selection());
    }

    private void updateFilterText() {
        List<String> chosen = selection().focusTexts();
        filter.setText(chosen.isEmpty() ? "Label filter: all samples" : "Label filter: " + String.join(", ", chosen));
    }
}
