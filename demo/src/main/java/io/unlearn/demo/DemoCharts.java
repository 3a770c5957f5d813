package io.unlearn.demo;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/** The report's charts of versions and challenges (XChart), each as a base64 PNG for an {@code <img>} that needs no file next to the page. */
final class DemoCharts {
    private static final int W = 720;
    private static final int H = 360;

    private DemoCharts() {
    }

    /** UA, RA, TA and MIA of every measured version, by version number. */
    static String metricsPerVersion(DemoFacts f) {
        XYChart c = new XYChartBuilder().width(W).height(H).title("Metrics per version").xAxisTitle("version").yAxisTitle("percent").build();
        style(c);
        c.getStyler().setXAxisDecimalPattern("0");
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

    /** A bar chart with every bar's value written on it (a bar of height 0 still reads "0.0"). */
    static CategoryChart bars(String title, String yTitle) {
        CategoryChart c = new CategoryChartBuilder().width(W).height(H).title(title).xAxisTitle("version").yAxisTitle(yTitle).build();
        style(c);
        c.getStyler().setXAxisLabelRotation(20);
        c.getStyler().setLabelsVisible(true);
        c.getStyler().setLabelsPosition(1.0);
        c.getStyler().setLabelsFontColorAutomaticEnabled(false);
        c.getStyler().setLabelsFontColor(java.awt.Color.BLACK);
        c.getStyler().setDecimalPattern("0.0");
        c.getStyler().setYAxisMin(0.0);
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

    static String png(Chart<?, ?> chart) {
        try {
            return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the chart '" + chart.getTitle() + "': " + e.getMessage(), e);
        }
    }
}
