package io.unlearn.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Moves every log line of this JVM from stderr (logback.xml) into one file (logback-file.xml): the demo's console then
 * shows only its own progress and summary. Logback configuration, not hand-written logging: the levels stay those of
 * logback-levels.xml, and {@code -Dunlearn.log.level=DEBUG} still applies.
 */
final class LogFile {
    private LogFile() {
    }

    /**
     * Reconfigures logging to write into {@code file} (created with its directory, truncated).
     *
     * @return the file's absolute path
     * @throws CliException when the directory cannot be created or the configuration does not load
     */
    static Path redirectTo(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new CliException("cannot create the log directory " + absolute.getParent() + " (" + e.getMessage()
                    + "); choose another --dir");
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        context.putProperty("unlearn.log.file", absolute.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(LogFile.class.getResource("/logback-file.xml"));
        } catch (JoranException e) {
            throw new IllegalStateException("the packaged logback-file.xml does not load (" + e.getMessage() + "); rebuild the launcher", e);
        }
        return absolute;
    }
}
