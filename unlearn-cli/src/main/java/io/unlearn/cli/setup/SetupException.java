package io.unlearn.cli.setup;

/** A prerequisite is missing and the launcher may not (or could not) install it; the message is one line with the fix. */
public final class SetupException extends RuntimeException {
    public SetupException(String message) {
        super(message);
    }
}
