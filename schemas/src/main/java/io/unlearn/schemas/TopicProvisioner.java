package io.unlearn.schemas;

import io.unlearn.schemas.internals.DriftCheck;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Makes the broker's topics match the catalogue, idempotently: creates the missing topics with their
 * partitions, cleanup policy and retention, and checks the existing ones, reporting every drift (it
 * never alters an existing topic: shrinking retention or adding partitions can lose or move data).
 * Safe to run concurrently from several processes. Every broker call is bounded by the timeout.
 */
public final class TopicProvisioner {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final Duration timeout;
    private final Optional<Short> replicationFactor;

    /** Creates topics with the broker's default replication factor. */
    public TopicProvisioner(Admin admin, Duration timeout) {
        this(admin, timeout, Optional.empty());
    }

    public TopicProvisioner(Admin admin, Duration timeout, Optional<Short> replicationFactor) {
        this.admin = admin;
        this.timeout = timeout;
        this.replicationFactor = replicationFactor;
    }

    /** Creates what is missing, checks what exists. */
    public ProvisioningReport provision(Collection<? extends Topic<?, ?>> topics) {
        Map<String, Topic<?, ?>> byName = new LinkedHashMap<>();
        topics.forEach(t -> byName.put(t.name(), t));
        Set<String> existing = await(admin.listTopics().names(), "list topics");
        List<String> created = new ArrayList<>();
        List<String> toCheck = new ArrayList<>();
        for (Topic<?, ?> topic : byName.values()) {
            (existing.contains(topic.name()) ? toCheck : created).add(topic.name());
        }
        if (!created.isEmpty()) {
            List<NewTopic> requests = created.stream().map(name -> newTopic(byName.get(name))).toList();
            Map<String, KafkaFuture<Void>> results = admin.createTopics(requests).values();
            for (String name : List.copyOf(created)) {
                try {
                    await(results.get(name), "create topic " + name);
                    log.info("Created topic {}", byName.get(name));
                } catch (ContractException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    created.remove(name); // another process created it first: check it like any other
                    toCheck.add(name);
                }
            }
        }
        List<String> unchanged = new ArrayList<>();
        List<TopicDrift> drift = new ArrayList<>();
        if (!toCheck.isEmpty()) {
            Map<String, TopicDescription> descriptions = retryingWhileUnknown(() ->
                    await(admin.describeTopics(toCheck).allTopicNames(), "describe topics " + toCheck));
            Map<String, Map<String, String>> configs = retryingWhileUnknown(() -> configsOf(toCheck));
            for (String name : toCheck) {
                List<TopicDrift> found = DriftCheck.compare(byName.get(name),
                        descriptions.get(name).partitions().size(), configs.get(name));
                if (found.isEmpty()) {
                    unchanged.add(name);
                } else {
                    found.forEach(d -> log.warn("Topic drift: {}", d.describe()));
                    drift.addAll(found);
                }
            }
        }
        return new ProvisioningReport(created, unchanged, drift);
    }

    private NewTopic newTopic(Topic<?, ?> topic) {
        return new NewTopic(topic.name(), Optional.of(topic.partitions()), replicationFactor).configs(topic.configs());
    }

    private Map<String, Map<String, String>> configsOf(List<String> names) {
        List<ConfigResource> resources = names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Config> described = await(admin.describeConfigs(resources).all(), "describe topic configs");
        Map<String, Map<String, String>> configs = new HashMap<>();
        described.forEach((resource, config) -> {
            Map<String, String> values = new HashMap<>();
            for (ConfigEntry entry : config.entries()) {
                values.put(entry.name(), entry.value());
            }
            configs.put(resource.name(), values);
        });
        return configs;
    }

    /**
     * Runs {@code call} again while the broker says a topic is unknown: a topic created a moment ago
     * (here or by another process) is listed before every broker can describe it.
     */
    private <T> T retryingWhileUnknown(Supplier<T> call) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return call.get();
            } catch (ContractException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ContractException("Could not " + what + ": " + e.getCause().getMessage()
                    + ". Check that the broker is reachable at bootstrap.servers and that this client may"
                    + " create and describe topics.", e.getCause());
        } catch (TimeoutException e) {
            throw new ContractException("Could not " + what + ": the broker did not answer within "
                    + timeout.toMillis() + " ms. Check that it is running and reachable at bootstrap.servers.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContractException("Interrupted while waiting to " + what + "; provisioning stopped part-way"
                    + " (it is idempotent: run it again).", e);
        }
    }
}
