package io.unlearn.stack.internals;

import io.unlearn.stack.StackException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Apicurio Registry (Confluent-compatible API under {@code /apis/ccompat/v7}) as a child process on a
 * Java &gt;= 21 runtime. Bound to 127.0.0.1: the HTTP port, and a management port that nothing reads but Quarkus
 * cannot switch off at run time (it is chosen afresh right before each launch, and a launch that finds it taken is
 * retried on another). Storage in an H2 file database under {@code workDir} so schemas and their ids survive a
 * restart, like the broker's data.
 */
public final class ApicurioRegistryProcess implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApicurioRegistryProcess.class);
    public static final int MIN_JAVA = 21;

    private final Path home;
    private final Path workDir;
    private final Path java;
    private final int port;
    private final String heap;
    private final Map<String, String> users;
    private Process process;
    private int managementPort;

    /** A registry open to every client on loopback. */
    public ApicurioRegistryProcess(Path home, Path workDir, Path java, int port, String heap) {
        this(home, workDir, java, port, heap, Map.of());
    }

    /**
     * @param users user → password for HTTP basic auth ({@link RegistryBasicAuth}); the first one probes readiness;
     *              empty for an open registry
     */
    public ApicurioRegistryProcess(Path home, Path workDir, Path java, int port, String heap,
                                   Map<String, String> users) {
        this.users = new LinkedHashMap<>(users);
        this.home = home;
        this.workDir = workDir;
        this.java = java;
        this.port = port;
        this.heap = heap;
    }

    /** The Confluent-compatible base URL, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}. */
    public String url() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    /** The unpacked Apicurio app: the given one, else {@code UNLEARN_APICURIO_HOME}, else this build's copy. */
    public static Path locateHome(Path configured) {
        Path home = configured != null ? configured : expectedHome(System.getenv());
        if (!isApp(home)) {
            throw new StackException("The Apicurio registry app is missing at " + home + " (no quarkus-run.jar); build it with "
                    + "`mvn -pl local-stack package` (it unpacks io.apicurio:apicurio-registry-app from Maven Central) "
                    + "or set UNLEARN_APICURIO_HOME to an unpacked copy");
        }
        return home;
    }

    /** Where the app is looked for when none is configured: {@code UNLEARN_APICURIO_HOME} in {@code env}, else this build's copy. */
    public static Path expectedHome(Map<String, String> env) {
        String fromEnv = env.get("UNLEARN_APICURIO_HOME");
        return fromEnv != null ? Path.of(fromEnv) : Path.of(buildProperties().getProperty("apicurio.home"));
    }

    /** Whether {@code home} holds the unpacked app ({@code quarkus-run.jar}). */
    public static boolean isApp(Path home) {
        return Files.isRegularFile(home.resolve("quarkus-run.jar"));
    }

    /** A Java >= 21 executable: the given one or the first found on this machine. */
    public static Path locateJava(Path configured) {
        return configured != null ? configured : JavaRuntimes.find(MIN_JAVA);
    }

    /** Launches that found their management port taken before they could bind it, retried on a fresh one. */
    static final int MANAGEMENT_PORT_ATTEMPTS = 3;

    /** Starts the process and waits until the ccompat API answers, or fails with the log's tail. */
    public synchronized void start(Duration timeout) {
        if (process != null && process.isAlive()) {
            return;
        }
        Path logFile = workDir.resolve("registry.log");
        for (int attempt = 1; ; attempt++) {
            managementPort = StackPorts.freePort();
            try {
                Files.createDirectories(workDir);
                RegistryBasicAuth.configure(workDir, users);
                ProcessBuilder pb = new ProcessBuilder(command()).directory(workDir.toFile())
                        .redirectErrorStream(true).redirectOutput(logFile.toFile());
                pb.environment().remove("JAVA_TOOL_OPTIONS");
                process = pb.start();
            } catch (IOException e) {
                throw new StackException("Cannot start the schema registry with " + java + ": " + e.getMessage(), e);
            }
            try {
                awaitReady(timeout, logFile);
                return;
            } catch (StackException e) {
                // another socket may take the port between choosing it and the registry binding it
                if (attempt == MANAGEMENT_PORT_ATTEMPTS || !logMentions(logFile, "Unable to start the management interface")) {
                    throw e;
                }
                log.info("The registry's management port {} was taken before it bound it; retrying on another", managementPort);
                close();
            }
        }
    }

    private static boolean logMentions(Path logFile, String text) {
        try {
            return Files.readString(logFile).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private List<String> command() {
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx" + heap, "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                "-Dapicurio.datasource.url=jdbc:h2:file:" + workDir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE",
                "-Dapicurio.datasource.jdbc.initial-size=2", "-Dapicurio.datasource.jdbc.min-size=2",
                "-Dapicurio.datasource.jdbc.max-size=10",
                "-Dapicurio.rest.deletion.artifact.enabled=true",
                "-Dapicurio.rest.deletion.artifact-version.enabled=true",
                "-Dquarkus.analytics.disabled=true", "-Dquarkus.otel.enabled=false"));
        cmd.add("-jar");
        cmd.add(home.resolve("quarkus-run.jar").toString());
        return cmd;
    }

    private void awaitReady(Duration timeout, Path logFile) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/subjects")).timeout(Duration.ofSeconds(3)).GET();
        users.entrySet().stream().findFirst()
                .ifPresent(u -> request.header("Authorization", RegistryBasicAuth.header(u.getKey(), u.getValue())));
        HttpRequest probe = request.build();
        long deadline = System.nanoTime() + timeout.toNanos();
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StackException("The schema registry exited with code " + process.exitValue() + " during start-up; "
                        + "its log " + logFile + " ends with: " + tail(logFile));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    log.info("Schema registry ready at {} in {} ms (log {})", url(), (System.nanoTime() - started) / 1_000_000, logFile);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new StackException("Interrupted while waiting for the schema registry to start", e);
            }
            sleep(250);
        }
        close();
        throw new StackException("The schema registry did not answer at " + url() + " within " + timeout.toSeconds()
                + " s; its log " + logFile + " ends with: " + tail(logFile) + "; raise the start-up timeout or check the log");
    }

    /** Sends SIGTERM, waits up to 20 s, then kills. The H2 database stays. */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                log.warn("Schema registry did not stop within 20 s after SIGTERM; killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
        log.info("Schema registry on port {} stopped", port);
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile);
            String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
            // a Quarkus start-up failure ends in stack frames; its root cause is the last "Caused by:" line
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("Caused by:")) {
                    return lines.get(i) + " ... " + tail;
                }
            }
            return tail;
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = ApicurioRegistryProcess.class.getResourceAsStream("/io/unlearn/stack/stack-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new StackException("Cannot read stack-build.properties from the class path: " + e.getMessage(), e);
        }
        p.putIfAbsent("apicurio.home", "local-stack/target/apicurio");
        return p;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for the schema registry", e);
        }
    }
}
