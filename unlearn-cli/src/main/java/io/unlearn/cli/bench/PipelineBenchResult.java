package io.unlearn.cli.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The figures of {@code unlearn bench pipeline}, with the JSON keys the issue asks for. */
public record PipelineBenchResult(
        @JsonProperty("p50_seconds") double p50Seconds,
        @JsonProperty("p95_seconds") double p95Seconds,
        @JsonProperty("requests_per_minute") double requestsPerMinute,
        @JsonProperty("unbatched") Phase unbatched,
        @JsonProperty("requests") int requests,
        @JsonProperty("rate_per_second") double ratePerSecond,
        @JsonProperty("settings") String settings,
        @JsonProperty("machine") String machine) {

    /** One phase's figures. */
    public record Phase(@JsonProperty("p50_seconds") double p50Seconds, @JsonProperty("p95_seconds") double p95Seconds,
                        @JsonProperty("requests_per_minute") double requestsPerMinute, @JsonProperty("requests") int requests) {
    }

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
