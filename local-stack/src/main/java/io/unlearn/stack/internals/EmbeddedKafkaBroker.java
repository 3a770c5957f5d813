package io.unlearn.stack.internals;

import io.unlearn.stack.StackException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in this JVM: KRaft combined mode (broker + controller), both
 * listeners on 127.0.0.1, data under {@code logDir}. The log dir is formatted once, exactly as
 * {@code kafka-storage format} does; later starts reuse it, so topics, data, committed offsets and
 * transactions survive a restart.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final Path logDir;
    private final int brokerPort;
    private final int controllerPort;
    private final String adminPassword;
    private KafkaRaftServer server;

    /** A broker with a PLAINTEXT client listener and no authorizer. */
    public EmbeddedKafkaBroker(Path logDir, int brokerPort, int controllerPort) {
        this(logDir, brokerPort, controllerPort, null);
    }

    /**
     * @param adminPassword null for a PLAINTEXT broker; else the broker is secured ({@link SecureBrokerSettings}) and the
     *                      super user {@code unlearn-admin} gets this SCRAM password when the log dir is formatted
     */
    public EmbeddedKafkaBroker(Path logDir, int brokerPort, int controllerPort, String adminPassword) {
        this.logDir = logDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.adminPassword = adminPassword;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Formats the log dir when it is new, then starts the broker; returns once it is listening. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        Properties props = serverProperties();
        formatOnce(props);
        long started = System.nanoTime();
        try {
            server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
            server.startup();
        } catch (RuntimeException e) {
            server = null;
            throw new StackException("The Kafka broker did not start on " + bootstrapServers() + ": " + e.getMessage()
                    + "; is the port taken? Stop the other process or delete " + logDir.getParent() + "/ports.properties", e);
        }
        log.info("Kafka broker listening on {} (data {}), started in {} ms",
                bootstrapServers(), logDir, (System.nanoTime() - started) / 1_000_000);
    }

    /** Stops the broker and waits until it has shut down; the data stays. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        log.info("Kafka broker on {} stopped", bootstrapServers());
    }

    private Properties serverProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        if (adminPassword != null) {
            SecureBrokerSettings.apply(p, brokerPort, adminPassword);
        }
        return p;
    }

    private void formatOnce(Properties props) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            Path file = logDir.getParent().resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                props.store(out, "written by the unlearn local stack; used to format " + logDir);
            }
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            List<String> args = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(), "-c", file.toString()));
            if (adminPassword != null) {
                args.addAll(SecureBrokerSettings.formatArgs(adminPassword));
            }
            int rc = StorageTool.execute(args.toArray(String[]::new), new PrintStream(captured, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                throw new StackException("Formatting the Kafka log dir " + logDir + " failed (exit " + rc + "): "
                        + captured.toString(StandardCharsets.UTF_8).trim() + "; delete the directory and retry");
            }
            if (adminPassword != null) {
                Files.delete(file); // it holds the secured stack's secrets and is needed only to format
            }
            log.info("Formatted new Kafka log dir {}", logDir);
        } catch (IOException e) {
            throw new StackException("Cannot prepare the Kafka log dir " + logDir + ": " + e.getMessage(), e);
        } catch (StackException e) {
            throw e;
        } catch (Exception e) {
            throw new StackException("Formatting the Kafka log dir " + logDir + " failed: " + e.getMessage()
                    + "; delete the directory and retry", e);
        }
    }
}
