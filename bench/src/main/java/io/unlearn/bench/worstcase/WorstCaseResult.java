package io.unlearn.bench.worstcase;

import java.util.List;
import java.util.Map;

/**
 * Everything the worst-case benchmark measured.
 *
 * @param machine the machine and software it ran on
 * @param settings the run's settings and reference times (e.g. Retrain's run time per ratio)
 * @param rows one row per method × forget ratio × set kind
 * @param searches one timing per search
 * @param complete false while ratios are still running (partial results are written along the way)
 */
public record WorstCaseResult(Map<String, Object> machine, Map<String, Object> settings,
        List<WorstCaseRow> rows, List<SearchTiming> searches, boolean complete) {

    /** Copies the collections. */
    public WorstCaseResult {
        machine = Map.copyOf(machine);
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        rows = List.copyOf(rows);
        searches = List.copyOf(searches);
    }
}
