package io.unlearn.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the local stack (broker + registry). Immutable; build with {@link #custom()} or take
 * {@link #ofDefaults()}. {@link Builder#build()} validates every value and fails fast listing all
 * problems at once.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>dataDir</td><td>{@value #DEFAULT_DATA_DIR}</td><td>broker log dir, registry database, chosen ports; survives restarts</td></tr>
 *   <tr><td>brokerPort</td><td>0</td><td>PLAINTEXT listener on 127.0.0.1; 0 = pick a free port once and keep it in the data dir</td></tr>
 *   <tr><td>controllerPort</td><td>0</td><td>KRaft CONTROLLER listener on 127.0.0.1; recorded in the voter list, hence kept</td></tr>
 *   <tr><td>registryPort</td><td>0</td><td>Apicurio HTTP port on 127.0.0.1</td></tr>
 *   <tr><td>startupTimeout</td><td>{@code 90s}</td><td>how long to wait for each part to become ready</td></tr>
 *   <tr><td>registryJava</td><td>auto</td><td>a Java &gt;= 21 executable for Apicurio; else {@code UNLEARN_REGISTRY_JAVA}, JAVA_HOME, /usr/lib/jvm/*</td></tr>
 *   <tr><td>apicurioHome</td><td>auto</td><td>the unpacked Apicurio app (holding quarkus-run.jar); else {@code UNLEARN_APICURIO_HOME} or the build's copy</td></tr>
 *   <tr><td>registryHeap</td><td>{@value #DEFAULT_REGISTRY_HEAP}</td><td>-Xmx of the registry process</td></tr>
 * </table>
 */
public final class LocalStackConfig {
    public static final String DEFAULT_DATA_DIR = ".unlearn/stack";
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(90);
    public static final String DEFAULT_REGISTRY_HEAP = "384m";

    private final Path dataDir;
    private final int brokerPort;
    private final int controllerPort;
    private final int registryPort;
    private final Duration startupTimeout;
    private final Path registryJava;
    private final Path apicurioHome;
    private final String registryHeap;
    private final StackSecurity security;

    private LocalStackConfig(Builder b) {
        this.dataDir = b.dataDir.toAbsolutePath().normalize();
        this.brokerPort = b.brokerPort;
        this.controllerPort = b.controllerPort;
        this.registryPort = b.registryPort;
        this.startupTimeout = b.startupTimeout;
        this.registryJava = b.registryJava;
        this.apicurioHome = b.apicurioHome;
        this.registryHeap = b.registryHeap;
        this.security = b.security;
    }

    public static LocalStackConfig ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    public Path dataDir() { return dataDir; }
    public int brokerPort() { return brokerPort; }
    public int controllerPort() { return controllerPort; }
    public int registryPort() { return registryPort; }
    public Duration startupTimeout() { return startupTimeout; }
    public Optional<Path> registryJava() { return Optional.ofNullable(registryJava); }
    public Optional<Path> apicurioHome() { return Optional.ofNullable(apicurioHome); }
    public String registryHeap() { return registryHeap; }

    /** The broker's security when it is secured (SASL/SCRAM, ACLs); empty for the PLAINTEXT stack. */
    public Optional<StackSecurity> security() {
        return Optional.ofNullable(security);
    }

    /** Builder with {@code opt*} setters for the optional values; all are optional. */
    public static final class Builder {
        private Path dataDir = Path.of(DEFAULT_DATA_DIR);
        private int brokerPort;
        private int controllerPort;
        private int registryPort;
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private Path registryJava;
        private Path apicurioHome;
        private String registryHeap = DEFAULT_REGISTRY_HEAP;
        private StackSecurity security;

        public Builder optDataDir(Path dir) { this.dataDir = dir; return this; }
        public Builder optBrokerPort(int port) { this.brokerPort = port; return this; }
        public Builder optControllerPort(int port) { this.controllerPort = port; return this; }
        public Builder optRegistryPort(int port) { this.registryPort = port; return this; }
        public Builder optStartupTimeout(Duration timeout) { this.startupTimeout = timeout; return this; }
        public Builder optRegistryJava(Path java) { this.registryJava = java; return this; }
        public Builder optApicurioHome(Path home) { this.apicurioHome = home; return this; }
        public Builder optRegistryHeap(String heap) { this.registryHeap = heap; return this; }

        /** Secures the broker: SASL/SCRAM-SHA-512, the StandardAuthorizer and these principals and ACLs. */
        public Builder optSecurity(StackSecurity security) {
            this.security = security;
            return this;
        }

        /** Checks every value; throws one {@link StackException} naming all bad ones. */
        public LocalStackConfig build() {
            List<String> problems = new ArrayList<>();
            if (dataDir == null) {
                problems.add("dataDir is missing: give a writable directory");
            } else if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
                problems.add("dataDir " + dataDir + " exists but is not a directory: remove it or choose another");
            }
            checkPort("brokerPort", brokerPort, problems);
            checkPort("controllerPort", controllerPort, problems);
            checkPort("registryPort", registryPort, problems);
            if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
                problems.add("startupTimeout " + startupTimeout + " must be positive, e.g. 90s");
            }
            if (registryJava != null && !Files.isExecutable(registryJava)) {
                problems.add("registryJava " + registryJava + " is not an executable: point it at <jdk>/bin/java of Java >= 21");
            }
            if (apicurioHome != null && !Files.isRegularFile(apicurioHome.resolve("quarkus-run.jar"))) {
                problems.add("apicurioHome " + apicurioHome + " holds no quarkus-run.jar: point it at the unpacked apicurio-registry-app");
            }
            if (registryHeap == null || !registryHeap.matches("\\d+[mMgG]")) {
                problems.add("registryHeap '" + registryHeap + "' must look like 384m or 1g");
            }
            if (!problems.isEmpty()) {
                throw new StackException("Invalid local stack settings: " + String.join("; ", problems));
            }
            return new LocalStackConfig(this);
        }

        private static void checkPort(String name, int port, List<String> problems) {
            if (port < 0 || port > 65535) {
                problems.add(name + " " + port + " is not a port: use 1..65535, or 0 to pick a free one");
            }
        }
    }
}
