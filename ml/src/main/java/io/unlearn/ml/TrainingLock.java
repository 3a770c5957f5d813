package io.unlearn.ml;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One training run at a time per JVM. DJL's PyTorch engine allows a single active gradient collector per
 * process ("A PtGradientCollector is already collecting"), so services that share a JVM (the embedded
 * demo runs the worker and the evaluator together; tests run two workers) take turns through this lock.
 * Inference needs no lock.
 */
public final class TrainingLock {
    private static final ReentrantLock LOCK = new ReentrantLock(true);

    private TrainingLock() {
    }

    /** Runs {@code work} while holding the JVM-wide training lock (fair: callers are served in order). */
    public static <T> T exclusively(Supplier<T> work) {
        LOCK.lock();
        try {
            return work.get();
        } finally {
            LOCK.unlock();
        }
    }
}
