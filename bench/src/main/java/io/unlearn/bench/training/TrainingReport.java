package io.unlearn.bench.training;

import io.unlearn.bench.harness.Report;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the training benchmark presents a {@link TrainingResult}: its section of docs/BENCHMARKS.md (machine, settings,
 * one row per model and engine with steady medians, the ratio DJL / PyTorch against the goal of 1.0) and the same
 * table on the console. The JSON keeps {@code rows} (model, engine, train_samples_per_second,
 * infer_samples_per_second, every steady epoch), {@code ratio} and {@code infer_ratio} per model, or a {@code note}.
 */
public final class TrainingReport {

    /** The training benchmark's report. */
    public static final Report<TrainingResult> REPORT = new Report<>("## Training throughput",
            TrainingReport::markdown, TrainingReport::table);

    private TrainingReport() {
    }

    static String markdown(TrainingResult r) {
        StringBuilder md = new StringBuilder(Report.partialNote(r.complete()));
        md.append("Machine: ").append(kv(r.machine())).append(".\n\nSettings: ").append(kv(r.settings())).append(".\n\n")
                .append("Steady medians (each run's first epoch is a warm-up); DJL and PyTorch alternate run by run in"
                        + " the same process tree, so a busy machine slows both alike. Goal: DJL ≥ 1.0× PyTorch.\n\n")
                .append(table(r));
        return md.toString();
    }

    static String table(TrainingResult r) {
        StringBuilder t = new StringBuilder("| model | engine | train samples/s | infer samples/s | train ratio DJL/PyTorch"
                + " | infer ratio |\n|---|---|---|---|---|---|\n");
        for (TrainingRow row : r.rows()) {
            boolean djl = row.engine().equals("djl");
            t.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %s | %s |%n", row.model(), row.engine(),
                    row.trainSamplesPerSecond(), row.inferSamplesPerSecond(),
                    djl ? ratio(r.ratio(), row.model()) : "", djl ? ratio(r.inferRatio(), row.model()) : ""));
        }
        if (r.note() != null) {
            t.append('\n').append(r.note()).append('\n');
        }
        return t.toString();
    }

    private static String ratio(Map<String, Double> ratios, String model) {
        if (ratios == null || !ratios.containsKey(model)) {
            return "–";
        }
        double x = ratios.get(model);
        return String.format(Locale.ROOT, "%.2f× (%s)", x, x >= 1.0 ? "met" : "missed");
    }

    private static String kv(Map<String, Object> map) {
        return map.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; "));
    }
}
