package io.unlearn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code unlearn} command: the local stack today; the demo, requests, models, audit replay and
 * benchmarks join as their issues land. Only this class installs shutdown hooks or exits the JVM.
 */
@Command(name = "unlearn", mixinStandardHelpOptions = true, version = "unlearn 0.1.0",
        description = "Kafka-driven machine unlearning: requests in, unlearned and verified model versions out.",
        subcommands = {DemoCommand.class, DoctorCommand.class, StackCommand.class, ContractCommand.class, IngestCommand.class, WorkerCommand.class, EvaluatorCommand.class, ModelsCommand.class, CatalogCommand.class,
                RequestCommand.class, KeysCommand.class, io.unlearn.bench.BenchCommand.class, io.unlearn.cli.AuditCommand.class,
                CommandLine.HelpCommand.class})
public final class UnlearnCommand {

    public static void main(String[] args) {
        OfflineDefaults.apply();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new UnlearnCommand());
        cli.setExecutionExceptionHandler(new OneLineErrors());
        cli.setExecutionStrategy(new BenchLogs());
        return cli;
    }
}
