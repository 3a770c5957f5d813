package io.unlearn.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;

/** The report's latency charts: where the time goes by stage (p50 and p95 stacked), and how long requests took in all. */
final class DemoLatencyCharts {

    private DemoLatencyCharts() {
    }

    /**
     * p50 and p95 of each stage stacked in two bars; every stage's figures are in its legend entry too, so a stage
     * too short to see as a segment is still read off the chart.
     */
    static String stagesStacked(DemoStages s) {
        if (s.count(DemoStage.INGEST) == 0) {
            return null;
        }
        CategoryChart c = DemoCharts.bars("Latency by stage: p50 and p95 of each stage, stacked", "seconds");
        c.setXAxisTitle("percentile over the requests that passed through each stage");
        c.getStyler().setStacked(true);
        c.getStyler().setLabelsVisible(false);
        c.getStyler().setXAxisLabelRotation(0);
        c.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        List<String> bars = List.of(total(s, 0.5, "p50"), total(s, 0.95, "p95"));
        for (DemoStage st : DemoStage.values()) {
            double p50 = zeroIfNaN(s.percentile(st, 0.5));
            double p95 = zeroIfNaN(s.percentile(st, 0.95));
            c.addSeries(String.format(Locale.ROOT, "%s (%s): p50 %.2f s, p95 %.2f s", st.title(), st.span(), p50, p95),
                    bars, List.of(p50, p95)).setFillColor(java.awt.Color.decode(st.color()));
        }
        return DemoCharts.png(c);
    }

    /** How long requests took from publication to their final state. */
    static String histogram(DemoFacts f) {
        if (f.latencies.length == 0) {
            return null;
        }
        double max = f.latencies[f.latencies.length - 1];
        int bins = 10;
        double width = Math.max(1, Math.ceil(max / bins));
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            labels.add(String.format(Locale.ROOT, "%.0f–%.0f", b * width, (b + 1) * width));
            counts.add(0);
        }
        for (double l : f.latencies) {
            int b = Math.min(bins - 1, (int) (l / width));
            counts.set(b, counts.get(b) + 1);
        }
        CategoryChart c = DemoCharts.bars("Request latency: publication → final state", "requests");
        c.getStyler().setLegendVisible(false);
        c.getStyler().setDecimalPattern("0");
        c.setXAxisTitle("seconds from publication to VERIFIED, FAILED or REJECTED");
        c.addSeries("requests", labels, counts);
        return DemoCharts.png(c);
    }

    private static String total(DemoStages s, double p, String name) {
        double sum = java.util.Arrays.stream(DemoStage.values()).mapToDouble(st -> zeroIfNaN(s.percentile(st, p))).sum();
        return String.format(Locale.ROOT, "%s: stages sum to %.2f s", name, sum);
    }

    private static double zeroIfNaN(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
