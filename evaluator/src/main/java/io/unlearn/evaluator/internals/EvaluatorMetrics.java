package io.unlearn.evaluator.internals;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.unlearn.events.EvaluationReport;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Reports published by stage, verdicts by outcome, challenges by verdict (UNKNOWN = could not run), failed challenge attempts, evaluation and challenge time, pending challenges; for Prometheus. */
final class EvaluatorMetrics {
    private final MeterRegistry meters;
    private final Timer evaluationTime;
    private final Timer challengeTime;

    EvaluatorMetrics(MeterRegistry meters, Supplier<Number> pendingChallenges) {
        this.meters = meters;
        this.evaluationTime = Timer.builder("unlearn.evaluator.evaluation.time").description("basic evaluation of one version")
                .publishPercentiles(0.5, 0.95).register(meters);
        this.challengeTime = Timer.builder("unlearn.evaluator.challenge.time").description("worst-case challenge of one version")
                .register(meters);
        meters.gauge("unlearn.evaluator.challenges.pending", pendingChallenges, s -> s.get().doubleValue());
    }

    void basicPublished(EvaluationReport r, long nanos) {
        evaluationTime.record(nanos, TimeUnit.NANOSECONDS);
        meters.counter("unlearn.evaluator.reports", "stage", "basic").increment();
        meters.counter("unlearn.evaluator.verdicts", "verdict", r.getVerdict().name(), "kind", r.getKind().name()).increment();
    }

    void challengePublished(EvaluationReport r, long nanos) {
        challengeTime.record(nanos, TimeUnit.NANOSECONDS);
        meters.counter("unlearn.evaluator.reports", "stage", "challenge").increment();
        meters.counter("unlearn.evaluator.challenges", "verdict", r.getWorstCase().getVerdict().name()).increment();
    }

    /** One attempt of a challenge threw (it is retried, or reported UNKNOWN after the last attempt). */
    void challengeAttemptFailed() {
        meters.counter("unlearn.evaluator.challenge.attempts.failed").increment();
    }

    void skipped(String why) {
        meters.counter("unlearn.evaluator.skipped", "why", why).increment();
    }
}
