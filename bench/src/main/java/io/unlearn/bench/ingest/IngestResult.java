package io.unlearn.bench.ingest;

import io.unlearn.bench.Report;

/**
 * The figures of {@code unlearn bench ingest}; JSON keys in snake_case ({@code requests, ingest_per_second,
 * raw_pipe_per_second, ratio, p50_ms, p99_ms, stream_threads, machine}).
 */
public record IngestResult(int requests, double ingestPerSecond, double rawPipePerSecond, double ratio, double p50Ms,
        double p99Ms, int streamThreads, String machine) {

    /** Its section of docs/BENCHMARKS.md. */
    public static final Report<IngestResult> REPORT = new Report<>("## Ingest throughput", r -> r.markdown() + "\n", r -> "");

    /** @return the section's text below its heading */
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
