package io.unlearn.cli.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The figures of {@code unlearn bench evaluator}, with the JSON keys the issue asks for. */
public record EvaluatorBenchResult(@JsonProperty("rows") List<Row> rows, @JsonProperty("settings") String settings,
                                   @JsonProperty("machine") String machine) {

    /**
     * One version of one kind.
     *
     * @param kind BASE, UNLEARNED, RETRAINED or SUPPRESSED
     * @param basicReportSeconds version publication (its createdAt) → basic report (its evaluatedAt)
     * @param challengeSeconds version publication → challenge report; null when the kind has no challenge
     */
    public record Row(@JsonProperty("kind") String kind, @JsonProperty("version_id") String versionId,
                      @JsonProperty("verdict") String verdict,
                      @JsonProperty("basic_report_seconds") double basicReportSeconds,
                      @JsonProperty("challenge_seconds") Double challengeSeconds) {
    }

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
