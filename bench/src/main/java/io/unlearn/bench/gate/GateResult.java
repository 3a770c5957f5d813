package io.unlearn.bench.gate;

import java.util.List;
import java.util.Map;

/**
 * Everything a gate benchmark run measured.
 *
 * @param machine the machine and software it ran on
 * @param settings the run's settings (data, epochs, forget sets, seeds, the gate's tolerances)
 * @param rows one row per setting × base × seed × candidate
 * @param summary the gate's agreement with the ground truth over {@code rows}
 * @param complete false while seeds are still running (partial results written along the way)
 */
public record GateResult(Map<String, Object> machine, Map<String, Object> settings, List<GateRow> rows,
        GateSummary summary, boolean complete) {

    /** Copies the rows. */
    public GateResult {
        rows = List.copyOf(rows);
    }

    /**
     * @param machine the machine
     * @param settings the settings
     * @param rows the rows so far
     * @param complete whether the run finished
     * @return the result with its summary computed from {@code rows}
     */
    public static GateResult of(Map<String, Object> machine, Map<String, Object> settings, List<GateRow> rows,
            boolean complete) {
        return new GateResult(machine, settings, rows, GateSummary.of(rows), complete);
    }
}
