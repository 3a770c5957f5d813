package io.unlearn.runtime;

/**
 * A transient failure (broker or registry unreachable, an aborted transaction): nothing committed is lost, and the
 * same work succeeds once the cause is gone. The service that meets it stops its loop; restarting it unchanged
 * resumes from the last committed offset.
 */
public class RetriableServiceException extends ServiceException {
    public RetriableServiceException(String message) {
        super(message);
    }

    public RetriableServiceException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final boolean isRetriable() {
        return true;
    }
}
