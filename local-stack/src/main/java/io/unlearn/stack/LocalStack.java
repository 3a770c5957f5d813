package io.unlearn.stack;

import io.unlearn.stack.internals.ApicurioRegistryProcess;
import io.unlearn.stack.internals.ClientCredentials;
import io.unlearn.stack.internals.EmbeddedKafkaBroker;
import io.unlearn.stack.internals.SecuritySetup;
import io.unlearn.stack.internals.StackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
    private final String adminPassword;

    private LocalStack(LocalStackConfig config, EmbeddedKafkaBroker broker, ApicurioRegistryProcess registry,
                       String adminPassword) {
        this.config = config;
        this.broker = broker;
        this.registry = registry;
        this.adminPassword = adminPassword;
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
        ports.forget("registry.management"); // older stacks remembered it; the registry now picks one at each launch
        ports.save();

        ClientCredentials credentials = new ClientCredentials(config.dataDir());
        Map<String, String> passwords = passwords(config, credentials);
        String adminPassword = passwords.get(StackSecurity.ADMIN);
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(config.dataDir().resolve("kafka"), brokerPort, controllerPort,
                adminPassword);
        ApicurioRegistryProcess registry = new ApicurioRegistryProcess(apicurioHome, config.dataDir().resolve("registry"),
                java, registryPort, config.registryHeap(), passwords);
        LocalStack stack = new LocalStack(config, broker, registry, adminPassword);
        try {
            broker.start();
            if (adminPassword != null) {
                SecuritySetup.apply(config.security().orElseThrow(), credentials, broker.bootstrapServers(), registry.url(), passwords,
                        config.startupTimeout());
            }
            registry.start(config.startupTimeout());
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        log.info("Local stack up: {}", stack.describe());
        return stack;
    }

    /**
     * The secured stack's passwords (the admin's first), empty for a PLAINTEXT one. A data dir keeps the mode it was created in: the
     * super user's SCRAM credential is written when the log dir is formatted, so securing an existing PLAINTEXT data
     * dir (or the reverse) is refused.
     */
    private static Map<String, String> passwords(LocalStackConfig config, ClientCredentials credentials) {
        boolean formatted = Files.exists(config.dataDir().resolve("kafka").resolve("meta.properties"));
        boolean secured = credentials.adminExists();
        if (config.security().isPresent() && formatted && !secured) {
            throw new StackException("The data dir " + config.dataDir() + " holds a stack started without --secure; "
                    + "use a fresh --data-dir for the secured stack (or delete this one)");
        }
        if (config.security().isEmpty() && secured) {
            throw new StackException("The data dir " + config.dataDir() + " holds a secured stack; start it with --secure, "
                    + "or use another --data-dir");
        }
        return config.security().map(credentials::passwords).orElse(Map.of());
    }

    /** {@code host:port} of the broker's client listener (PLAINTEXT, or SASL_PLAINTEXT when secured). */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Whether the broker is secured (SASL/SCRAM and ACLs). */
    public boolean secured() {
        return adminPassword != null;
    }

    /** Kafka client settings of the stack's super user: bootstrap.servers, plus SASL when secured. */
    public Map<String, Object> adminClientProps() {
        if (adminPassword == null) {
            return new HashMap<>(Map.of("bootstrap.servers", bootstrapServers()));
        }
        return SecuritySetup.adminProps(bootstrapServers(), adminPassword);
    }

    /**
     * The schema registry client's settings of the stack's super user: {@code schema.registry.url}, plus
     * {@code basic.auth.user.info} when secured (the registry then refuses anonymous requests with 401).
     */
    public Map<String, Object> adminRegistryProps() {
        Map<String, Object> p = new HashMap<>(Map.of("schema.registry.url", registryUrl()));
        if (adminPassword != null) {
            p.put(ClientCredentials.REGISTRY_USER_INFO, StackSecurity.ADMIN + ":" + adminPassword);
        }
        return p;
    }

    /** The client-config file of a principal of the secured stack (the admin's or a service's); empty when not secured. */
    public Optional<Path> clientConfigFile(String principal) {
        return adminPassword == null ? Optional.empty() : Optional.of(new ClientCredentials(config.dataDir()).file(principal));
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
        String line = "bootstrap=" + bootstrapServers() + " registry=" + registryUrl();
        return adminPassword == null ? line : line + " secured=SASL_PLAINTEXT/" + StackSecurity.MECHANISM
                + " client-configs=" + config.dataDir().resolve(StackSecurity.CLIENTS_DIR);
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
