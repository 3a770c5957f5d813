package io.unlearn.cli;

/** A command-line mistake or a missing prerequisite; its message is the one line the user sees. */
public final class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }
}
