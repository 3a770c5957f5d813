package io.unlearn.cli;

/** A command-line mistake or a missing prerequisite; its message is the one line the user sees. */
final class CliException extends RuntimeException {
    CliException(String message) {
        super(message);
    }
}
