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
 * @param findings per ratio and method: the gap on each set, the set of the largest gap, whether worst widens it
 * @param complete false while ratios are still running (partial results are written along the way)
 */
public record WorstCaseResult(Map<String, Object> machine, Map<String, Object> settings,
        List<WorstCaseRow> rows, List<SearchTiming> searches, List<SetFinding> findings, boolean complete) {

    /** Copies the collections. */
    public WorstCaseResult {
        machine = Map.copyOf(machine);
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        rows = List.copyOf(rows);
        searches = List.copyOf(searches);
        findings = List.copyOf(findings);
    }

    /**
     * @param machine the machine
     * @param settings the settings
     * @param rows the rows
     * @param searches the search timings
     * @param complete whether every ratio ran
     * @return the result with its findings derived from the rows
     */
    public static WorstCaseResult of(Map<String, Object> machine, Map<String, Object> settings, List<WorstCaseRow> rows,
            List<SearchTiming> searches, boolean complete) {
        return new WorstCaseResult(machine, settings, rows, searches, SetFinding.of(rows), complete);
    }
}
