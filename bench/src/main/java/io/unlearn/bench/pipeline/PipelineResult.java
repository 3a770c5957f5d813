package io.unlearn.bench.pipeline;

import io.unlearn.bench.Report;

/**
 * The figures of {@code unlearn bench pipeline}; JSON keys in snake_case ({@code p50_seconds, p95_seconds,
 * requests_per_minute, unbatched, requests, rate_per_second, settings, machine}).
 */
public record PipelineResult(double p50Seconds, double p95Seconds, double requestsPerMinute, Phase unbatched,
        int requests, double ratePerSecond, String settings, String machine) {

    /** One phase's figures. */
    public record Phase(double p50Seconds, double p95Seconds, double requestsPerMinute, int requests) {
    }

    /** Its section of docs/BENCHMARKS.md. */
    public static final Report<PipelineResult> REPORT = new Report<>("## Request pipeline", r -> r.markdown() + "\n", r -> "");

    /** @return the section's text below its heading */
    public String markdown() {
        return String.format("""
                Command: `./unlearn bench pipeline --out FILE.json` (machine: %s). A fresh local stack, the Fashion-MNIST
                catalogue, a base CNN, request-ingest and one unlearn-worker in one JVM; deletion requests (5 sample ids each)
                published at a steady %.1f/s; latency = publication on unlearn.requests.deletion → APPLIED on
                unlearn.requests.status. Settings: %s.

                | mode | requests | p50 (s) | p95 (s) | requests folded / min |
                |---|---|---|---|---|
                | batched | %d | %.1f | %.1f | %.0f |
                | unbatched (one request per version) | %d | %.1f | %.1f | %.0f |

                Goal: p50 ≤ 60 s and ≥ 1,000 deletion requests folded per minute.""",
                machine, ratePerSecond, settings, requests, p50Seconds, p95Seconds, requestsPerMinute,
                unbatched.requests(), unbatched.p50Seconds(), unbatched.p95Seconds(), unbatched.requestsPerMinute());
    }
}
