package io.unlearn.evaluator;

/** The one unchecked exception of the evaluator; its message says what happened and the fix. */
public class EvaluatorException extends RuntimeException {
    public EvaluatorException(String message) {
        super(message);
    }

    public EvaluatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
