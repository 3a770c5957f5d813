package io.unlearn.ml;

/**
 * The one unchecked exception of the unlearning engine.
 *
 * <p>Messages say what happened, what follows from it, and how to fix it, for example: "forget set
 * is empty: nothing to unlearn; pass at least one sample id". Callers (the worker, the CLI) can
 * show the message as is. DJL and I/O failures are wrapped with their cause kept.
 */
public class UnlearnException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message naming the problem and the fix.
     *
     * @param message what happened and how to fix it
     */
    public UnlearnException(String message) {
        super(message);
    }

    /**
     * Creates an exception wrapping a lower-level cause.
     *
     * @param message what happened and how to fix it
     * @param cause the underlying failure
     */
    public UnlearnException(String message, Throwable cause) {
        super(message, cause);
    }
}
