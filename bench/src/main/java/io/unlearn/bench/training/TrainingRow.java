package io.unlearn.bench.training;

import java.util.List;

/**
 * One engine's figures for one model: steady medians (the first epoch of every run is a warm-up and left out) and
 * every steady epoch measured.
 *
 * @param model {@code mlp} or {@code cnn}
 * @param engine {@code djl} or {@code torch}
 * @param trainSamplesPerSecond median training throughput over the steady epochs
 * @param inferSamplesPerSecond median inference throughput (gradients off) after each steady epoch
 * @param trainEpochs every steady epoch's training samples/s, in run order
 * @param inferEpochs every steady epoch's inference samples/s, in run order
 */
public record TrainingRow(String model, String engine, double trainSamplesPerSecond, double inferSamplesPerSecond,
        List<Double> trainEpochs, List<Double> inferEpochs) {

    /** Copies the lists. */
    public TrainingRow {
        trainEpochs = List.copyOf(trainEpochs);
        inferEpochs = List.copyOf(inferEpochs);
    }

    /**
     * @param values at least one value
     * @return their median (the mean of the two middle ones for an even count)
     */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
