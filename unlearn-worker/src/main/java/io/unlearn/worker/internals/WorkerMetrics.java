package io.unlearn.worker.internals;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.unlearn.events.AcceptedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Batch size, method run time, per-request latency (accepted → published), outcomes, dropped duplicates and rebalances,
 * for Prometheus.
 */
final class WorkerMetrics {
    private final MeterRegistry meters;
    private final DistributionSummary batchSize;
    private final Timer methodTime;
    private final Timer requestLatency;

    WorkerMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.batchSize = DistributionSummary.builder("unlearn.worker.batch.requests").register(meters);
        this.methodTime = Timer.builder("unlearn.worker.method.time").register(meters);
        this.requestLatency = Timer.builder("unlearn.worker.request.latency").description("accepted → applied or failed")
                .publishPercentiles(0.5, 0.95).register(meters);
    }

    /** An accepted request dropped because its requestId was already pending, applied or settled ({@code why}). */
    void duplicate(String why) {
        meters.counter("unlearn.worker.duplicates", "why", why).increment();
    }

    /** This member received a new assignment: one completed rebalance of its group, as seen by this member. */
    void assigned() {
        meters.counter("unlearn.worker.rebalances").increment();
    }

    void methodRun(PendingBatches.Batch batch, long nanos) {
        methodTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    void published(PendingBatches.Batch batch, BatchOutcome outcome, Instant now) {
        batchSize.record(batch.entries().size());
        String result = outcome instanceof BatchOutcome.Failed ? "failed" : "applied";
        meters.counter("unlearn.worker.requests", "outcome", result).increment(batch.entries().size());
        for (AcceptedRequest r : batch.requests()) {
            requestLatency.record(Duration.between(r.getAcceptedAt(), now));
        }
    }
}
