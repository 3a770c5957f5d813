package io.unlearn.bench.methods;

import java.util.List;
import java.util.Map;

/**
 * Everything a benchmark run measured.
 *
 * @param machine the machine and software it ran on
 * @param settings the run's settings (data, epochs, forget sets, seeds)
 * @param throughput training throughput of the MLP and the CNN
 * @param rows one row per method × setting × seed
 * @param complete false while seeds are still running (partial results written along the way)
 */
public record MethodsResult(Map<String, Object> machine, Map<String, Object> settings, List<Throughput> throughput,
        List<MethodsRow> rows, boolean complete) {

    /** Copies the lists. */
    public MethodsResult {
        throughput = List.copyOf(throughput);
        rows = List.copyOf(rows);
    }
}
