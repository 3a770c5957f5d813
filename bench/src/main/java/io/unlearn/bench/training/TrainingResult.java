package io.unlearn.bench.training;

import java.util.List;
import java.util.Map;

/**
 * The training benchmark's result (the JSON written by {@code --out}).
 *
 * @param machine where it ran
 * @param settings samples, epochs, rounds, batch sizes, threads, the load average before the run
 * @param rows one per model and engine
 * @param ratio per model, DJL's training samples/s over PyTorch's in the same run; absent without PyTorch
 * @param inferRatio per model, the same for inference
 * @param note why there is no PyTorch row, or null
 * @param complete false while the run is under way
 */
public record TrainingResult(Map<String, Object> machine, Map<String, Object> settings, List<TrainingRow> rows,
        Map<String, Double> ratio, Map<String, Double> inferRatio, String note, boolean complete) {
}
