package io.unlearn.ml;

import org.slf4j.Logger;

/**
 * Receives progress of training, unlearning and benchmarks. The worker adapts it to Kafka status
 * events, the CLI to a progress line. Called on the computing thread: keep it quick.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = event -> { };

    /**
     * Called after each step.
     *
     * @param event the step just finished
     */
    void onProgress(ProgressEvent event);

    /**
     * A listener that logs each event at INFO.
     *
     * @param logger where to log
     * @return the listener
     */
    static ProgressListener logging(Logger logger) {
        return event -> logger.info("{}", event);
    }

    /**
     * Returns a listener that calls this one and then {@code other}.
     *
     * @param other the second listener
     * @return both in order
     */
    default ProgressListener andThen(ProgressListener other) {
        return event -> {
            onProgress(event);
            other.onProgress(event);
        };
    }

    /**
     * Returns a listener that passes every event on to this one with its stage under {@code prefix}
     * ({@code prefix/stage}), so that the steps of one part of a longer run can be told apart.
     *
     * @param prefix e.g. {@code bench/seed1/base}
     * @return the renaming listener
     */
    default ProgressListener prefixed(String prefix) {
        return event -> onProgress(new ProgressEvent(prefix + "/" + event.stage(), event.step(), event.totalSteps(),
                event.values()));
    }
}
