package io.unlearn.worker;

import io.unlearn.runtime.FatalServiceException;

/**
 * The unchecked exception of unlearn-worker: a failure that repeats until something changes (its configuration, a
 * model's artifact); its message says what happened and the fix. Transient Kafka failures are the runtime's
 * {@link io.unlearn.runtime.RetriableServiceException}.
 */
public class WorkerException extends FatalServiceException {
    public WorkerException(String message) {
        super(message);
    }

    public WorkerException(String message, Throwable cause) {
        super(message, cause);
    }
}
