package io.unlearn.evaluator.internals;

import io.unlearn.events.EvaluationReport;
import io.unlearn.ml.GradMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs worst-case challenges one at a time on a background thread, so that basic verdicts never wait for them;
 * finished reports are collected for the loop thread, which publishes them. A challenge that fails is logged and
 * counted, not retried (its basic verdict stands; republishing the version does not redo it, restarting does).
 */
final class ChallengeRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChallengeRunner.class);
    private final WorstCaseChallenger challenger;
    private final EvaluatorMetrics metrics;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "unlearn-evaluator-challenge"));
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Queue<Finished> finished = new ConcurrentLinkedQueue<>();

    record Finished(EvaluationReport report, long nanos) {
    }

    ChallengeRunner(WorstCaseChallenger challenger, EvaluatorMetrics metrics) {
        this.challenger = challenger;
        this.metrics = metrics;
    }

    /** Queues the challenge unless one for this version is already queued or running. */
    void submit(WorstCaseChallenger.Job job) {
        String id = job.version().getVersionId();
        if (!pending.add(id)) {
            return;
        }
        log.info("{}: worst-case challenge queued ({} pending)", id, pending.size());
        executor.execute(() -> {
            long started = System.nanoTime();
            try {
                GradMode.disableOnThisThread(); // a fresh thread starts with PyTorch grad mode on; the search updates in place
                finished.add(new Finished(challenger.run(job), System.nanoTime() - started));
            } catch (RuntimeException e) {
                pending.remove(id);
                metrics.challengeFailed();
                log.error("{}: worst-case challenge failed, its basic verdict stands: {}", id, e.getMessage(), e);
            }
        });
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
