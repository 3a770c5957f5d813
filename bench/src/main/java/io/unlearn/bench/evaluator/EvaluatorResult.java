package io.unlearn.bench.evaluator;

import io.unlearn.bench.Report;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The figures of {@code unlearn bench evaluator}; JSON keys in snake_case ({@code rows} with kind, version_id,
 * verdict, basic_report_seconds, challenge_seconds; {@code settings}; {@code machine}).
 */
public record EvaluatorResult(List<Row> rows, String settings, String machine) {

    /**
     * One version of one kind.
     *
     * @param kind BASE, UNLEARNED, RETRAINED or SUPPRESSED
     * @param basicReportSeconds version publication (its createdAt) → basic report (its evaluatedAt)
     * @param challengeSeconds version publication → challenge report; null when the kind has no challenge
     */
    public record Row(String kind, String versionId, String verdict, double basicReportSeconds,
            Double challengeSeconds) {
    }

    /** Its section of docs/BENCHMARKS.md. */
    public static final Report<EvaluatorResult> REPORT = new Report<>("## Evaluator latency", r -> r.markdown() + "\n", r -> "");

    /** @return the section's text below its heading */
    public String markdown() {
        String table = rows.stream().map(r -> String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %s |", r.kind(), r.versionId(), r.verdict(),
                r.basicReportSeconds(), r.challengeSeconds() == null ? "—" : String.format(Locale.ROOT, "%.1f", r.challengeSeconds())))
                .collect(Collectors.joining("\n"));
        return String.format("""
                Command: `./unlearn bench evaluator --out FILE.json` (machine: %s). A fresh local stack; the evaluator and one
                unlearn-worker in one JVM; the default model (Fashion-MNIST CNN) trained and published as BASE, then a batch of
                deletion requests (UNLEARNED), the worker's consolidation (RETRAINED) and a concept removal (SUPPRESSED).
                Seconds from the version's publication (createdAt) to its basic report and to its worst-case challenge report
                (UNLEARNED only) on unlearn.eval.reports. Settings: %s.
                The basic report is inference only; the challenge (worst-case search on the parent, then the version's
                method on that set) shares the JVM-wide training lock with the worker, so in this run it also waits for the
                worker's consolidation retrain and SAE training that follow the UNLEARNED version.

                | kind | version | verdict | basic report (s) | challenge (s) |
                |---|---|---|---|---|
                %s""", machine, settings, table);
    }
}
