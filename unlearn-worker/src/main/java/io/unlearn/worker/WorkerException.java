package io.unlearn.worker;

/** The one unchecked exception of unlearn-worker; its message says what happened and the fix. */
public class WorkerException extends RuntimeException {
    public WorkerException(String message) {
        super(message);
    }

    public WorkerException(String message, Throwable cause) {
        super(message, cause);
    }
}
