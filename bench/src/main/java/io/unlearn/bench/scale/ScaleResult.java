package io.unlearn.bench.scale;

import io.unlearn.bench.harness.Report;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The figures of {@code unlearn bench scale}; JSON keys in snake_case ({@code rows} with {@code workers, models,
 * requests, requests_per_minute, p50_seconds, p95_seconds, rebalances, models_per_worker}; {@code goal},
 * {@code settings}, {@code machine}).
 */
public record ScaleResult(List<Row> rows, String goal, String settings, String machine) {

    /**
     * One group size.
     *
     * @param modelsPerWorker per worker process, how many of the models it built versions of
     * @param rebalances      group generations the workers went through (the joins at start included)
     */
    public record Row(int workers, int models, int requests, double requestsPerMinute, double p50Seconds, double p95Seconds,
                      int rebalances, List<Integer> modelsPerWorker) {
    }

    /** Its section of docs/BENCHMARKS.md. */
    public static final Report<ScaleResult> REPORT = new Report<>("## Scale-out over worker processes", r -> r.markdown() + "\n",
            r -> r.table() + "\n");

    /**
     * The goal: the largest group spread the models over every worker and folded at least as many requests per minute
     * as one worker; what was missed is named.
     */
    static String goal(List<Row> rows) {
        Row one = rows.stream().filter(r -> r.workers() == 1).findFirst().orElse(null);
        Row most = rows.stream().max(java.util.Comparator.comparingInt(Row::workers)).orElseThrow();
        if (one == null || most.workers() == 1) {
            return "not judged: needs a 1-worker row and a larger one";
        }
        List<String> missed = new java.util.ArrayList<>();
        if (most.modelsPerWorker().stream().anyMatch(n -> n == 0)) {
            missed.add("spread (a worker built no model's version)");
        }
        if (most.requestsPerMinute() < one.requestsPerMinute()) {
            missed.add(String.format("throughput (%.0f < %.0f requests/min)", most.requestsPerMinute(), one.requestsPerMinute()));
        }
        return missed.isEmpty() ? "met" : "missed: " + String.join(", ", missed);
    }

    String table() {
        StringBuilder s = new StringBuilder("| workers | models | requests | requests folded / min | p50 (s) | p95 (s) | rebalances | models per worker |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            s.append(String.format("| %d | %d | %d | %.0f | %.1f | %.1f | %d | %s |%n", r.workers(), r.models(), r.requests(),
                    r.requestsPerMinute(), r.p50Seconds(), r.p95Seconds(), r.rebalances(),
                    r.modelsPerWorker().stream().map(String::valueOf).collect(Collectors.joining(", "))));
        }
        return s + "\nGoal (the largest group spreads the models over all its workers and folds at least as many requests"
                + " per minute as one worker): " + goal + ".";
    }

    /** @return the section's text below its heading */
    public String markdown() {
        return String.format("""
                Command: `./unlearn bench scale --out FILE.json` (machine: %s; %s). A fresh local stack, the Fashion-MNIST
                catalogue and request-ingest in the benchmark's JVM; unlearn-worker as separate processes in one consumer
                group (each pinned to one intra-op thread), every group size on its own base MLPs. Deletion requests
                (5 sample ids each) published at a steady rate, round robin over the models; latency = publication on
                unlearn.requests.deletion → APPLIED. Rebalances = the group generations the workers went through, the
                joins at start included; models per worker = the models each process built versions of. Settings: %s.

                %s""", machine, java.time.LocalDate.now(java.time.ZoneOffset.UTC), settings, table());
    }
}
