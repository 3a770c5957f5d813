package io.unlearn.evaluator.internals;

import io.unlearn.events.EvaluationReport;
import io.unlearn.ml.GradMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs worst-case challenges one at a time on a background thread, so that basic verdicts never wait for them;
 * finished reports are collected for the loop thread, which publishes them. A challenge that throws is retried after a
 * backoff that doubles each time (other challenges run meanwhile), up to {@link Retries#maxAttempts}; after the last
 * attempt a challenge report with verdict UNKNOWN, the error in its reasons and the attempts made is published instead
 * (the basic verdict stands), so that no challenge is silently lost.
 */
final class ChallengeRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChallengeRunner.class);
    private final Challenger challenger;
    private final EvaluatorMetrics metrics;
    private final Retries retries;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "unlearn-evaluator-challenge"));
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Queue<Finished> finished = new ConcurrentLinkedQueue<>();

    /**
     * @param maxAttempts attempts per challenge, at least 1
     * @param backoff the wait before the second attempt; each further wait doubles
     */
    record Retries(int maxAttempts, Duration backoff) {
    }

    record Finished(EvaluationReport report, long nanos) {
    }

    ChallengeRunner(Challenger challenger, EvaluatorMetrics metrics, Retries retries, Clock clock) {
        this.challenger = challenger;
        this.metrics = metrics;
        this.retries = retries;
        this.clock = clock;
    }

    /** Queues the challenge unless one for this version is already queued or running. */
    void submit(Challenger.Job job) {
        String id = job.version().getVersionId();
        if (!pending.add(id)) {
            return;
        }
        log.info("{}: worst-case challenge queued ({} pending)", id, pending.size());
        long started = System.nanoTime();
        executor.execute(() -> attempt(job.attempt(1), started));
    }

    private void attempt(Challenger.Job job, long started) {
        String id = job.version().getVersionId();
        try {
            GradMode.disableOnThisThread(); // a fresh thread starts with PyTorch grad mode on; the search updates in place
            finished.add(new Finished(challenger.run(job), System.nanoTime() - started));
        } catch (RuntimeException e) {
            metrics.challengeAttemptFailed();
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (job.attempt() < retries.maxAttempts()) {
                Duration wait = retries.backoff().multipliedBy(1L << Math.min(20, job.attempt() - 1));
                log.warn("{}: worst-case challenge attempt {} of {} failed ({}); retrying in {}", id, job.attempt(), retries.maxAttempts(),
                        reason, wait, e);
                executor.schedule(() -> attempt(job.attempt(job.attempt() + 1), started), wait.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                log.error("{}: worst-case challenge failed {} time(s); publishing verdict UNKNOWN, the basic verdict stands: {}", id,
                        job.attempt(), reason, e);
                finished.add(new Finished(Reports.challengeNotRun(job.basic(), job.version().getForgetSetSize(), challenger.setKind(),
                        "the challenge could not run in " + job.attempt() + " attempt(s); last error " + reason
                                + "; the basic verdict stands — check the evaluator's log, restart it or republish the version to retry",
                        job.attempt(), clock.instant()), System.nanoTime() - started));
            }
        }
    }

    boolean isPending(String versionId) {
        return pending.contains(versionId);
    }

    int pendingCount() {
        return pending.size();
    }

    /** Challenge reports finished since the last call; they stay pending until {@link #published}. */
    List<Finished> drain() {
        List<Finished> out = new ArrayList<>();
        for (Finished f; (f = finished.poll()) != null; ) {
            out.add(f);
        }
        return out;
    }

    void published(String versionId) {
        pending.remove(versionId);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
