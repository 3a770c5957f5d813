package io.unlearn.stack;

import io.unlearn.stack.internals.ApicurioRegistryProcess;
import io.unlearn.stack.internals.EmbeddedKafkaBroker;
import io.unlearn.stack.internals.StackPorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real local stack without Docker: a single-node KRaft Kafka broker in this JVM and the Apicurio
 * schema registry (Confluent-compatible API) as a child process, both on 127.0.0.1, both keeping their
 * data under {@link LocalStackConfig#dataDir()} so a restart finds topics, records and schema ids again.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(LocalStackConfig.ofDefaults())) {
 *     System.out.println(stack.describe()); // bootstrap=127.0.0.1:PORT registry=http://127.0.0.1:PORT/apis/ccompat/v7
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final EmbeddedKafkaBroker broker;
    private final ApicurioRegistryProcess registry;
    private final LocalStackConfig config;

    private LocalStack(LocalStackConfig config, EmbeddedKafkaBroker broker, ApicurioRegistryProcess registry) {
        this.config = config;
        this.broker = broker;
        this.registry = registry;
    }

    /** Starts the broker, then the registry; returns when both answer. Cleans up what started on failure. */
    public static LocalStack start(LocalStackConfig config) {
        // Locate the registry's parts first: a missing Java 21 should fail before anything starts.
        var apicurioHome = ApicurioRegistryProcess.locateHome(config.apicurioHome().orElse(null));
        var java = ApicurioRegistryProcess.locateJava(config.registryJava().orElse(null));
        StackPorts ports = StackPorts.load(config.dataDir());
        int brokerPort = ports.resolve("broker", config.brokerPort());
        int controllerPort = ports.resolve("controller", config.controllerPort());
        int registryPort = ports.resolve("registry", config.registryPort());
        int managementPort = ports.resolve("registry.management", 0);
        ports.save();

        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(config.dataDir().resolve("kafka"), brokerPort, controllerPort);
        ApicurioRegistryProcess registry = new ApicurioRegistryProcess(apicurioHome, config.dataDir().resolve("registry"),
                java, registryPort, managementPort, config.registryHeap());
        LocalStack stack = new LocalStack(config, broker, registry);
        try {
            broker.start();
            registry.start(config.startupTimeout());
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        log.info("Local stack up: {}", stack.describe());
        return stack;
    }

    /** {@code host:port} of the broker's PLAINTEXT listener. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Base URL of the Confluent-compatible registry API, e.g. {@code http://127.0.0.1:PORT/apis/ccompat/v7}. */
    public String registryUrl() {
        return registry.url();
    }

    public LocalStackConfig config() {
        return config;
    }

    /** The one line that tells clients where to connect. */
    public String describe() {
        return "bootstrap=" + bootstrapServers() + " registry=" + registryUrl();
    }

    /** Stops and starts the broker on the same data dir and ports (for restart tests). */
    public void restartBroker() {
        broker.close();
        broker.start();
    }

    /** Stops the registry, then the broker; data stays on disk. */
    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            broker.close();
        }
    }
}
