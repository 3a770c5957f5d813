package io.unlearn.evaluator;

import io.unlearn.runtime.FatalServiceException;

/**
 * The unchecked exception of the evaluator: a failure that repeats until something changes (its configuration, a
 * version it cannot judge); its message says what happened and the fix. Transient Kafka failures are the runtime's
 * {@link io.unlearn.runtime.RetriableServiceException}.
 */
public class EvaluatorException extends FatalServiceException {
    public EvaluatorException(String message) {
        super(message);
    }

    public EvaluatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
