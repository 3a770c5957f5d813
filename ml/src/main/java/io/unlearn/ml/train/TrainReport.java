package io.unlearn.ml.train;

import java.util.List;

/**
 * What a training run did.
 *
 * @param epochs per-epoch statistics
 * @param seconds total wall time
 * @param parameterSha256 sha256 of the resulting parameters
 */
public record TrainReport(List<EpochStats> epochs, double seconds, String parameterSha256) {

    /** Copies the list. */
    public TrainReport {
        epochs = List.copyOf(epochs);
    }

    /** @return mean throughput over all epochs but the first (warm-up), or the first when there is one */
    public double steadySamplesPerSecond() {
        List<EpochStats> steady = epochs.size() > 1 ? epochs.subList(1, epochs.size()) : epochs;
        return steady.stream().mapToDouble(EpochStats::samplesPerSecond).average().orElse(Double.NaN);
    }
}
