package io.unlearn.stack;

/**
 * The one unchecked exception of the local stack. Its message says what happened, what follows and
 * how to fix it, e.g. "No Java >= 21 runtime found ...; install temurin-21 or set UNLEARN_REGISTRY_JAVA".
 */
public class StackException extends RuntimeException {
    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
