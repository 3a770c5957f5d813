package io.unlearn.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one clear line on stderr and a non-zero exit; the stack trace goes to the log
 * at DEBUG (set {@code -Dunlearn.log.level=DEBUG} to see it).
 */
final class OneLineErrors implements IExecutionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(OneLineErrors.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        log.debug("unlearn {} failed", cli.getCommandName(), e);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cli.getErr().println("unlearn " + cli.getCommandName() + ": " + message);
        return 1;
    }
}
