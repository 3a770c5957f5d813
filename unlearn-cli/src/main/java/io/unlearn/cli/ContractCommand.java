package io.unlearn.cli;

import io.unlearn.schemas.EventContract;
import picocli.CommandLine.Command;

/**
 * {@code unlearn contract install}: creates the topics and registers the event schemas (BACKWARD compatibility) on
 * any cluster; idempotent. {@code stack up} does the same for the embedded stack; docker compose runs it once before
 * the services start.
 */
@Command(name = "contract", mixinStandardHelpOptions = true, description = "The event contract: topics and schemas.",
        subcommands = ContractCommand.Install.class)
final class ContractCommand {

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Creates the topics (or checks them for drift) and registers every event schema; safe to repeat.")
    static final class Install extends ClusterCommand {
        @Override
        public Integer call() {
            var summary = EventContract.install(cluster.clientProps(), cluster.registry());
            System.out.println("event contract installed: " + summary);
            return 0;
        }
    }
}
