package io.unlearn.cli.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The figures of {@code unlearn bench ingest}, with the JSON keys the issue asks for. */
public record IngestBenchResult(
        @JsonProperty("requests") int requests,
        @JsonProperty("ingest_per_second") double ingestPerSecond,
        @JsonProperty("raw_pipe_per_second") double rawPipePerSecond,
        @JsonProperty("ratio") double ratio,
        @JsonProperty("p50_ms") double p50Ms,
        @JsonProperty("p99_ms") double p99Ms,
        @JsonProperty("stream_threads") int streamThreads,
        @JsonProperty("machine") String machine) {

    public String markdown() {
        return String.format("""
                Command: `./unlearn bench ingest --out FILE.json` (machine: %s). One fresh local stack (in-process KRaft broker,
                Apicurio), %,d valid deletion requests by sample id, request-ingest with exactly_once_v2 and %d stream thread(s);
                the raw pipe is a plain idempotent producer → consumer on the same broker with the same payload bytes.

                | requests | ingest req/s | raw pipe rec/s | ratio | p50 produce→ACCEPTED (ms) | p99 (ms) |
                |---|---|---|---|---|---|
                | %,d | %,.0f | %,.0f | %.2f | %.0f | %.0f |

                Throughput is measured with all requests sent at once (first send → last ACCEPTED status); latency is
                measured afterwards on the same instance with requests paced at half that rate, so it is not queueing
                time. Goal: ≥ 20,000 requests/s and ≥ 40%% of the raw pipe's rate.""",
                machine, requests, streamThreads, requests, ingestPerSecond, rawPipePerSecond, ratio, p50Ms, p99Ms);
    }
}
