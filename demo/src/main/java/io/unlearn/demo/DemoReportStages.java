package io.unlearn.demo;

import java.util.ArrayList;
import java.util.List;

/** The report's latency section: p50/p95 per stage (table and stacked chart) and the end-to-end distribution. */
final class DemoReportStages {
    private static final String[] HEADER = {"stage", "between", "requests", "p50", "p95", "max"};

    private DemoReportStages() {
    }

    static void append(StringBuilder h, DemoFacts f) {
        h.append("<section id=\"stages\"><h2>Latency by stage</h2><p>Each stage is the time between two events of a request: "
                + "the demo publishing it, then the status events request-ingest, the worker and the evaluator emit. Percentiles are "
                + "over the requests that passed through both ends of the stage (REJECTED ones stop after ingest).</p>");
        List<String[]> rows = new ArrayList<>(f.stages.rows());
        rows.add(new String[] {"end to end", "published → VERIFIED/FAILED/REJECTED", Integer.toString(f.latencies.length),
                DemoStages.secs(f.percentile(0.5)), DemoStages.secs(f.percentile(0.95)),
                DemoStages.secs(f.latencies.length == 0 ? Double.NaN : f.latencies[f.latencies.length - 1])});
        DemoHtml.table(h, "stage-latency", HEADER, rows);
        DemoHtml.chart(h, DemoLatencyCharts.stagesStacked(f.stages), "latency by stage",
                "Each stage's p50 and p95 stacked; the legend gives the figures, the axis label the bar's total. The stacked "
                        + "p95 is the sum of the stages' p95s, an upper bound of any one request's time.");
        DemoHtml.chart(h, DemoLatencyCharts.histogram(f), "request latency",
                "How many requests reached their final state within each span of seconds after publication.");
        h.append("</section>");
    }
}
