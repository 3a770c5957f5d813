package io.unlearn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The streaming benchmarks (ingest, pipeline, evaluator, scale) run the services in their own JVM: request-ingest's
 * Streams threads, a worker, an evaluator, the embedded broker. Their component logs go to
 * {@code bench-out/logs/bench-<name>.log} so that the console keeps the benchmark's progress and its table; the engine
 * benchmarks log little and keep the console configuration.
 */
final class BenchLogs implements CommandLine.IExecutionStrategy {
    static final Set<String> STREAMING = Set.of("ingest", "pipeline", "evaluator", "scale");
    private final CommandLine.IExecutionStrategy next = new CommandLine.RunLast();

    @Override
    public int execute(ParseResult parsed) {
        Path file = logFile(parsed);
        if (file != null) {
            System.out.println("component logs: " + LogFile.redirectTo(file));
        }
        return next.execute(parsed);
    }

    /** Where {@code unlearn bench <streaming> ...} logs (help and version requests excepted); null for any other command. */
    static Path logFile(ParseResult parsed) {
        List<CommandLine> chain = parsed.asCommandLineList();
        if (chain.size() != 3 || !chain.get(1).getCommandName().equals("bench")) {
            return null;
        }
        String name = chain.get(2).getCommandName();
        ParseResult leaf = parsed.subcommand().subcommand();
        if (!STREAMING.contains(name) || leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested()) {
            return null;
        }
        return Path.of("bench-out", "logs", "bench-" + name + ".log");
    }
}
