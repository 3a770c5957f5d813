package io.unlearn.ml;

import java.util.Map;
import java.util.Objects;

/**
 * One progress step of a long-running operation (an epoch of training, a phase of an unlearning
 * method, a benchmark cell).
 *
 * @param stage what is running, e.g. {@code "train"}, {@code "ft"}, {@code "scrub/max"}
 * @param step the step just finished, 1-based
 * @param totalSteps the number of steps planned ({@code step <= totalSteps})
 * @param values measurements of this step, e.g. {@code loss}, {@code seconds}, {@code samplesPerSecond}
 */
public record ProgressEvent(String stage, int step, int totalSteps, Map<String, Double> values) {

    /** Checks the fields and copies the values. */
    public ProgressEvent {
        Objects.requireNonNull(stage, "stage");
        values = Map.copyOf(values);
    }

    /**
     * Returns a value of this step, or {@code NaN} when it was not measured.
     *
     * @param key the value's name
     * @return the value or NaN
     */
    public double value(String key) {
        return values.getOrDefault(key, Double.NaN);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(stage).append(' ').append(step).append('/').append(totalSteps);
        values.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(' ').append(e.getKey()).append('=')
                        .append(String.format(java.util.Locale.ROOT, "%.4g", e.getValue())));
        return sb.toString();
    }
}
