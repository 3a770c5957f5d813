package io.unlearn.cli;

import io.unlearn.cli.setup.Host;
import io.unlearn.cli.setup.Prerequisites;
import io.unlearn.cli.security.ServiceAcls;
import io.unlearn.cli.security.ServicePrincipal;
import io.unlearn.schemas.EventContract;
import io.unlearn.schemas.InstallSummary;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.SchemaRegistryConfig;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unlearn stack up}: the real local stack (KRaft broker + schema registry) until Ctrl-C. */
@Command(mixinStandardHelpOptions = true, name = "stack", description = "The local stack: an embedded KRaft broker and the Apicurio schema registry.",
        subcommands = StackCommand.Up.class)
final class StackCommand {

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Starts the broker and the registry on 127.0.0.1, creates the topics, sets BACKWARD "
                    + "compatibility, registers the schemas, prints one line with the addresses and runs until interrupted.")
    static final class Up implements Callable<Integer> {
        private static final Logger log = LoggerFactory.getLogger(Up.class);

        @Option(names = "--data-dir", description = "Broker and registry data; survives restarts (default: ${DEFAULT-VALUE}).")
        Path dataDir = Path.of(LocalStackConfig.DEFAULT_DATA_DIR);

        @Option(names = "--broker-port", description = "Kafka listener port; 0 = a free one, remembered in the data dir.")
        int brokerPort;

        @Option(names = "--registry-port", description = "Registry HTTP port; 0 = a free one, remembered in the data dir.")
        int registryPort;

        @Option(names = "--startup-timeout", description = "How long each part may take to start (default: ${DEFAULT-VALUE}).")
        Duration startupTimeout = LocalStackConfig.DEFAULT_STARTUP_TIMEOUT;

        @Option(names = "--secure", description = "Secure the broker: SASL_PLAINTEXT with SCRAM-SHA-512, ACLs (no ACL, no "
                + "access), a SCRAM user per service (request-ingest, worker, evaluator, auditor) whose client config is "
                + "written under <data-dir>/clients; pass it as --client-config. Needs a data dir created with --secure.")
        boolean secure;

        @Override
        public Integer call() throws InterruptedException {
            LocalStackConfig config = LocalStackConfig.custom().optDataDir(dataDir).optBrokerPort(brokerPort)
                    .optRegistryPort(registryPort).optStartupTimeout(startupTimeout)
                    .optSecurity(secure ? ServiceAcls.stackSecurity() : null).build();
            Prerequisites prerequisites = new Prerequisites(Host.current(), System.err);
            prerequisites.ensure(List.of(prerequisites::registryJava, prerequisites::apicurioApp));
            LocalStack stack = LocalStack.start(config);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stack.close();
                stopped.countDown();
            }, "unlearn-stack-shutdown"));
            InstallSummary contract = EventContract.install(
                    stack.adminClientProps(), SchemaRegistryClient.create(SchemaRegistryConfig.fromProperties(stack.adminRegistryProps())));
            log.info("Event contract installed: {}", contract);
            if (stack.secured()) {
                for (ServicePrincipal p : ServicePrincipal.values()) {
                    log.info("client config of {}: {}", p.userName(), stack.clientConfigFile(p.userName()).orElseThrow());
                }
            }
            System.out.println(stack.describe());
            System.out.flush();
            stopped.await();
            return 0;
        }
    }
}
