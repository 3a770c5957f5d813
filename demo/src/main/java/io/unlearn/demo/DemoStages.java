package io.unlearn.demo;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Latency by stage over the requests' timelines: the measured seconds of each stage, sorted, with their percentiles. */
final class DemoStages {
    private final Map<DemoStage, double[]> seconds = new EnumMap<>(DemoStage.class);

    DemoStages(List<DemoTimeline> timelines) {
        for (DemoStage s : DemoStage.values()) {
            seconds.put(s, timelines.stream().mapToDouble(t -> t.seconds(s)).filter(d -> !Double.isNaN(d)).sorted().toArray());
        }
    }

    /** The stage's measured seconds, ascending (requests that passed through both its ends). */
    double[] seconds(DemoStage stage) {
        return seconds.get(stage).clone();
    }

    int count(DemoStage stage) {
        return seconds.get(stage).length;
    }

    double percentile(DemoStage stage, double p) {
        return percentile(seconds.get(stage), p);
    }

    double max(DemoStage stage) {
        double[] s = seconds.get(stage);
        return s.length == 0 ? Double.NaN : s[s.length - 1];
    }

    /** One row per stage: stage, events, requests, p50, p95, max (seconds). */
    List<String[]> rows() {
        return Arrays.stream(DemoStage.values()).map(s -> new String[] {s.title(), s.span(), Integer.toString(count(s)),
                secs(percentile(s, 0.5)), secs(percentile(s, 0.95)), secs(max(s))}).toList();
    }

    /** The nearest-rank percentile of ascending values; NaN when there are none. */
    static double percentile(double[] ascending, double p) {
        if (ascending.length == 0) {
            return Double.NaN;
        }
        return ascending[Math.max(0, Math.min(ascending.length - 1, (int) Math.ceil(p * ascending.length) - 1))];
    }

    static String secs(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, Math.abs(v) < 10 ? "%.2f s" : "%.1f s", v);
    }
}
