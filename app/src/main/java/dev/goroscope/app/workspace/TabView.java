package dev.goroscope.app.workspace;

import dev.goroscope.model.calltree.ViewState;
import dev.goroscope.model.profile.LabelSelection;

/**
 * How a document tab looks at its data, carried over when its file is reloaded. Everything in it is named, not
 * numbered, so it applies to the new data as far as that has the same names.
 *
 * @param source the chosen stack source's label, e.g. "cpu: cpu/nanoseconds"
 * @param labels the pprof label filter and grouping
 * @param flame  the flame graph's transforms, zoom path, search and orientation
 * @param search the search field's text, kept even when it is not a valid regular expression
 */
record TabView(String source, LabelSelection labels, ViewState flame, String search) {
}
