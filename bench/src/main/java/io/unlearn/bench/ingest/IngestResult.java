package io.unlearn.bench.ingest;

import io.unlearn.bench.harness.Report;

/**
 * The figures of {@code unlearn bench ingest}; JSON keys in snake_case ({@code requests, ingest_per_second,
 * raw_pipe_per_second, ratio, p50_ms, p99_ms, stream_threads, machine, minimal_per_second, minimal_ratio, rounds,
 * ingest_cpu_us_per_request, minimal_cpu_us_per_request}).
 * The rates are medians over the rounds; {@code ratio} is ingest / raw pipe, {@code minimal_ratio} ingest / the
 * minimal exactly-once topology with the same reads and writes; the CPU figures are the microseconds of CPU time its
 * own threads (stream threads, their producers, the global thread) spent per request during the burst.
 */
public record IngestResult(int requests, double ingestPerSecond, double rawPipePerSecond, double ratio, double p50Ms,
        double p99Ms, int streamThreads, String machine, double minimalPerSecond, double minimalRatio, int rounds,
        double ingestCpuUsPerRequest, double minimalCpuUsPerRequest) {

    /** Its section of docs/BENCHMARKS.md. */
    public static final Report<IngestResult> REPORT = new Report<>("## Ingest throughput", r -> r.markdown() + "\n", r -> "");

    /** @return the section's text below its heading */
    public String markdown() {
        return String.format("""
                Command: `./unlearn bench ingest --out FILE.json` (machine: %s). One fresh local stack (in-process KRaft broker,
                Apicurio), %,d valid deletion requests by sample id per phase, exactly_once_v2 and %d stream thread(s). Three
                things are timed on the same broker and payload bytes, interleaved over %d round(s) (medians shown): the raw
                pipe (a plain idempotent producer → consumer), the minimal topology (the ingest topology's reads and writes —
                both request topics decoded with the registry serde, RECEIVED + AcceptedRequest + ACCEPTED written, the status
                topic read back and decoded — with no logic and no state store: the ceiling Kafka Streams sets), and the
                real ingest topology.

                | requests | ingest req/s | minimal topology req/s | ingest / minimal | raw pipe rec/s | ingest / raw | p50 produce→ACCEPTED (ms) | p99 (ms) |
                |---|---|---|---|---|---|---|---|
                | %,d | %,.0f | %,.0f | %.2f | %,.0f | %.2f | %.0f | %.0f |

                CPU time per request in the topology's own threads (stream threads, their producers, the global thread):
                ingest %.0f µs, minimal topology %.0f µs.

                Throughput is measured with all requests sent at once (first send → last ACCEPTED status); latency is
                measured afterwards on the last round's ingest instance with requests paced at half its rate, so it is not
                queueing time. Goal: ≥ 20,000 requests/s and ≥ 40%% of the raw pipe's rate, or ≥ 80%% of the minimal topology's.
                What the ingest topology's profile showed and what was changed: *Ingest throughput: profile* below.""",
                machine, requests, streamThreads, rounds, requests, ingestPerSecond, minimalPerSecond, minimalRatio,
                rawPipePerSecond, ratio, p50Ms, p99Ms, ingestCpuUsPerRequest, minimalCpuUsPerRequest);
    }
}
