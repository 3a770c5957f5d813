package io.unlearn.schemas;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;

/**
 * Installs the event contract on a broker and a schema registry in one call, idempotently: provisions
 * every catalogue topic ({@link TopicProvisioner}), sets the registry's compatibility to BACKWARD, and
 * registers every value schema under its subject {@code <topic>-value}. This is what {@code unlearn stack
 * up} runs. A schema change that would break readers of published events fails here with the registry's
 * 409, mapped to a message that says how to make the change compatible.
 */
public final class EventContract {

    /** The compatibility every subject of this project uses. */
    public static final CompatibilityLevel COMPATIBILITY = CompatibilityLevel.BACKWARD;

    private EventContract() {
    }

    /**
     * Installs {@link Topics#ALL} with an admin client built from {@code adminProps} (at least
     * {@code bootstrap.servers}) and closed afterwards.
     *
     * @throws ContractException when the broker or the registry is unreachable or refuses a schema;
     *                           topic drift is reported in the summary, not thrown
     */
    public static InstallSummary install(Map<String, Object> adminProps, SchemaRegistryClient registry) {
        Admin admin = Admin.create(adminProps);
        try {
            return install(admin, registry, Topics.ALL, TopicProvisioner.DEFAULT_TIMEOUT);
        } finally {
            admin.close(Duration.ofSeconds(5)); // do not wait out calls a timeout already gave up on
        }
    }

    /** Installs the given topics through an existing admin client, which stays open. */
    public static InstallSummary install(Admin admin, SchemaRegistryClient registry,
                                         Collection<? extends Topic<?, ?>> topics, Duration timeout) {
        ProvisioningReport report = new TopicProvisioner(admin, timeout).provision(topics);
        registry.setCompatibility(COMPATIBILITY);
        Map<String, Integer> ids = registerSchemas(registry, topics);
        return new InstallSummary(report, registry.compatibility(), ids);
    }

    /** Registers the value schema of each Avro topic under {@code <topic>-value}; returns subject → id. */
    public static Map<String, Integer> registerSchemas(SchemaRegistryClient registry,
                                                       Collection<? extends Topic<?, ?>> topics) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        valueSchemas(topics).forEach((subject, schema) -> ids.put(subject, registry.register(subject, schema)));
        return ids;
    }

    /** Subject → value schema for each Avro topic of the given ones. */
    public static Map<String, Schema> valueSchemas(Collection<? extends Topic<?, ?>> topics) {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (Topic<?, ?> topic : topics) {
            topic.valueSchema().ifPresent(schema -> schemas.put(topic.valueSubject().orElseThrow(), schema));
        }
        return schemas;
    }
}
