package io.unlearn.evaluator.internals;

/**
 * Where the evaluator's {@link EvaluatorState} comes from: {@link TopicMirrors} (private whole-topic readers) in the
 * service, a stub in the loop's unit tests.
 */
public interface StateFeed extends AutoCloseable {

    /** Feeds {@code state} everything committed since the previous call. */
    void catchUp(EvaluatorState state);

    @Override
    void close();
}
