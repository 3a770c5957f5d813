package io.unlearn.demo;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** The report's four charts (XChart), each as a base64 PNG for an {@code <img>} that needs no file next to the page. */
final class DemoCharts {
    private static final int W = 720;
    private static final int H = 360;

    private DemoCharts() {
    }

    /** UA, RA, TA and MIA of every measured version, by version number. */
    static String metricsPerVersion(DemoFacts f) {
        XYChart c = new XYChartBuilder().width(W).height(H).title("Metrics per version").xAxisTitle("version").yAxisTitle("percent").build();
        style(c);
        List<ModelVersion> measured = f.versions.stream().filter(v -> f.basic.containsKey(v.getVersionId())
                && f.basic.get(v.getVersionId()).getTestAccuracy() != null).toList();
        if (measured.isEmpty()) {
            return null;
        }
        double[] x = measured.stream().mapToDouble(ModelVersion::getVersion).toArray();
        series(c, "TA", x, measured, f, EvaluationReport::getTestAccuracy);
        series(c, "RA", x, measured, f, EvaluationReport::getRetainAccuracy);
        series(c, "UA", x, measured, f, EvaluationReport::getUnlearningAccuracy);
        series(c, "MIA-Efficacy", x, measured, f, EvaluationReport::getMiaEfficacy);
        return png(c);
    }

    /** Accuracy on what each UNLEARNED version forgot versus on what it kept. */
    static String forgetVersusRetain(DemoFacts f) {
        List<ModelVersion> unlearned = unlearned(f, f.basic);
        if (unlearned.isEmpty()) {
            return null;
        }
        CategoryChart c = bars("Forget vs retain accuracy (UNLEARNED versions)", "percent");
        List<String> names = unlearned.stream().map(ModelVersion::getVersionId).toList();
        c.addSeries("forget-set accuracy (100 − UA)", names, values(unlearned, v -> 100 - orNaN(f.basic.get(v).getUnlearningAccuracy())));
        c.addSeries("retain accuracy (RA)", names, values(unlearned, v -> orNaN(f.basic.get(v).getRetainAccuracy())));
        c.addSeries("test accuracy (TA)", names, values(unlearned, v -> orNaN(f.basic.get(v).getTestAccuracy())));
        return png(c);
    }

    /** UA on the version's own forget set versus on the worst-case set of the same size. */
    static String worstVersusRandom(DemoFacts f) {
        List<ModelVersion> challenged = unlearned(f, f.challenges).stream().filter(v -> f.basic.containsKey(v.getVersionId())).toList();
        if (challenged.isEmpty()) {
            return null;
        }
        CategoryChart c = bars("Worst-case challenge: UA on the request's set vs the hardest set", "UA, percent");
        List<String> names = challenged.stream().map(ModelVersion::getVersionId).toList();
        c.addSeries("requested forget set", names, values(challenged, v -> orNaN(f.basic.get(v).getUnlearningAccuracy())));
        c.addSeries("worst-case forget set", names, values(challenged, v -> orNaN(f.challenges.get(v).getWorstCase().getUnlearningAccuracy())));
        return png(c);
    }

    /** How long requests took from publication to their final state. */
    static String latencyHistogram(DemoFacts f) {
        if (f.latencies.length == 0) {
            return null;
        }
        double max = f.latencies[f.latencies.length - 1];
        int bins = 10;
        double width = Math.max(1, Math.ceil(max / bins));
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            labels.add(String.format(java.util.Locale.ROOT, "%.0f–%.0f", b * width, (b + 1) * width));
            counts.add(0);
        }
        for (double l : f.latencies) {
            int b = Math.min(bins - 1, (int) (l / width));
            counts.set(b, counts.get(b) + 1);
        }
        CategoryChart c = bars("Request latency: publication → final state", "requests");
        c.getStyler().setLegendVisible(false);
        c.setXAxisTitle("seconds");
        c.addSeries("requests", labels, counts);
        return png(c);
    }

    private static List<ModelVersion> unlearned(DemoFacts f, java.util.Map<String, EvaluationReport> reports) {
        return f.versions.stream().filter(v -> v.getKind() == ModelVersionKind.UNLEARNED && reports.containsKey(v.getVersionId())).toList();
    }

    private static void series(XYChart c, String name, double[] x, List<ModelVersion> vs, DemoFacts f, Function<EvaluationReport, Double> metric) {
        double[] y = vs.stream().mapToDouble(v -> orNaN(metric.apply(f.basic.get(v.getVersionId())))).toArray();
        c.addSeries(name, x, y);
    }

    private static List<Double> values(List<ModelVersion> vs, Function<String, Double> value) {
        return vs.stream().map(v -> value.apply(v.getVersionId())).toList();
    }

    private static CategoryChart bars(String title, String yTitle) {
        CategoryChart c = new CategoryChartBuilder().width(W).height(H).title(title).yAxisTitle(yTitle).build();
        style(c);
        c.getStyler().setXAxisLabelRotation(20);
        return c;
    }

    private static void style(Chart<?, ?> c) {
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static String png(Chart<?, ?> chart) {
        try {
            return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the chart '" + chart.getTitle() + "': " + e.getMessage(), e);
        }
    }
}
