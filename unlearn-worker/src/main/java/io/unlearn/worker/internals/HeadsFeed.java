package io.unlearn.worker.internals;

/**
 * Where the worker's {@link ModelHeads} come from: {@link TopicHeadsFeed} (private whole-topic readers of
 * unlearn.models.versions and unlearn.catalog.forgotten) in the service, a stub in the loop's unit tests.
 */
public interface HeadsFeed extends AutoCloseable {

    /** Feeds {@code heads} everything committed since the previous call (everything, on the first call). */
    void catchUp(ModelHeads heads);

    @Override
    void close();
}
