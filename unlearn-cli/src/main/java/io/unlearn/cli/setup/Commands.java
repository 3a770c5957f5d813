package io.unlearn.cli.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the programs the checks need ({@code apt-get}, {@code apt-cache}, {@code java -version}); tests replace it. */
public interface Commands {

    /**
     * Runs {@code command} to completion with {@code env} added to its environment, appending its output to {@code log}.
     *
     * @return the exit code; 127 when it could not start
     */
    int run(List<String> command, Map<String, String> env, Path log);

    /** The command's stdout and stderr together, or empty when it could not start, failed or ran past {@code timeout}. */
    Optional<String> output(List<String> command, Duration timeout);

    /** The real machine's programs. */
    static Commands system() {
        return new Commands() {
            @Override
            public int run(List<String> command, Map<String, String> env, Path log) {
                try {
                    Files.createDirectories(log.toAbsolutePath().getParent());
                    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                    pb.environment().putAll(env);
                    return pb.start().waitFor();
                } catch (IOException e) {
                    return 127;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SetupException("interrupted while running " + String.join(" ", command));
                }
            }

            @Override
            public Optional<String> output(List<String> command, Duration timeout) {
                Path out = null;
                try {
                    out = Files.createTempFile("unlearn-check-", ".out");
                    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                    boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    if (!done) {
                        p.destroyForcibly();
                        return Optional.empty();
                    }
                    return p.exitValue() == 0 ? Optional.of(Files.readString(out)) : Optional.empty();
                } catch (IOException e) {
                    return Optional.empty();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                } finally {
                    deleteQuietly(out);
                }
            }
        };
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a stray temp file is harmless
        }
    }
}
