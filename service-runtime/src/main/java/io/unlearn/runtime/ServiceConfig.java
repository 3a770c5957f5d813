package io.unlearn.runtime;

import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.SchemaRegistryConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The keys every service shares, declared once, and what the services derive from them. A service's one config
 * class extends this, builds its {@code CONFIG_DEF} from {@link #clusterKeys()} (every service) or
 * {@link #groupMemberKeys} (the consumer-group services that publish in transactions) and adds its own keys.
 * <ul>
 *   <li>{@code bootstrap.servers}, {@code schema.registry.url}: where the cluster is;</li>
 *   <li>{@code kafka.*}: passed, prefix removed, to every Kafka client of the service (SASL/SSL settings);</li>
 *   <li>the registry client's own keys ({@code basic.auth.user.info}, {@code bearer.auth.token}, ...): passed to it
 *       as given ({@link #registryProps()});</li>
 *   <li>{@code group.id}, {@code transactional.id.prefix}, {@code instance.id}: the group member's identity; the
 *       transactional.id {@code <prefix>-<group.id>-<instance.id>} is stable across restarts, so a restarted instance
 *       fences its predecessor and aborts its open transaction.</li>
 * </ul>
 */
public abstract class ServiceConfig extends AbstractConfig {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = SchemaRegistryConfig.URL_CONFIG;
    public static final String GROUP_ID = "group.id";
    public static final String TRANSACTIONAL_ID_PREFIX = "transactional.id.prefix";
    public static final String INSTANCE_ID = "instance.id";
    /** The Ed25519 private key (PKCS#8 PEM) a service signs its events with. */
    public static final String SIGNING_KEY_FILE = "signing.key.file";
    public static final String KAFKA_PREFIX = "kafka.";
    public static final String DATASET_NAME = "dataset.name";
    public static final String DATASET_DIR = "dataset.dir";
    public static final String DATASET_LIMIT = "dataset.limit";
    public static final String DEVICE = "device";
    /** The longest a loop may take between two polls (a step may train a model). */
    static final int MAX_POLL_INTERVAL_MS = 900_000;

    private final List<String> ownPrefixes;

    /**
     * @param ownPrefixes prefixes of the service's own pass-through keys (e.g. {@code method.}); like {@code kafka.}
     *                    keys they are not handed to the registry client
     */
    protected ServiceConfig(ConfigDef definition, Map<?, ?> props, String... ownPrefixes) {
        super(definition, props, false);
        this.ownPrefixes = List.of(ownPrefixes);
    }

    /** A new definition holding {@code bootstrap.servers} and {@code schema.registry.url}. */
    public static ConfigDef clusterKeys() {
        return new ConfigDef()
                .define(BOOTSTRAP_SERVERS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                        "Kafka brokers, host:port[,host:port...].")
                .define(SCHEMA_REGISTRY_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                        "Confluent-compatible schema registry, e.g. http://127.0.0.1:8081/apis/ccompat/v7.");
    }

    /**
     * A new definition holding the cluster keys and the identity of a consumer-group member that publishes in
     * transactions: {@code group.id} (default {@code unlearn-<service>}), {@code transactional.id.prefix} (same
     * default) and {@code instance.id} (default: the host name).
     *
     * @param service  the short service name, e.g. {@code worker}
     * @param groupDoc what the group consumes and how its members share the work
     */
    public static ConfigDef groupMemberKeys(String service, String groupDoc) {
        String name = "unlearn-" + service;
        return clusterKeys()
                .define(GROUP_ID, Type.STRING, name, Importance.MEDIUM, groupDoc)
                .define(TRANSACTIONAL_ID_PREFIX, Type.STRING, name, Importance.LOW,
                        "Prefix of this instance's transactional.id: <prefix>-<group.id>-<instance.id>.")
                .define(INSTANCE_ID, Type.STRING, hostName(service), Importance.MEDIUM,
                        "Stable name of this instance (default: the host name). A restarted instance with the same name "
                                + "fences and aborts its predecessor's unfinished transaction at once; give each instance "
                                + "on one host its own name.");
    }

    /**
     * Adds the keys of a service that runs the engine on the cluster's training data ({@code dataset.name},
     * {@code dataset.dir}, {@code dataset.limit}, {@code device}). Every worker and evaluator of a cluster must be given
     * the same dataset and limit: the sample ids a version forgot are only meaningful on the same slice.
     *
     * @param definition        the service's definition so far
     * @param defaultDatasetDir where the data lives by default (the engine's Fashion-MNIST directory)
     * @param datasetNames      the dataset names the engine can load, the first the default
     */
    public static ConfigDef engineKeys(ConfigDef definition, String defaultDatasetDir, List<String> datasetNames) {
        return definition
                .define(DATASET_NAME, Type.STRING, datasetNames.get(0), ConfigDef.ValidString.in(datasetNames.toArray(String[]::new)),
                        Importance.MEDIUM, "The dataset the models are trained on, by name (also the prefix of its sample ids; "
                                + "fmnist-stamped: Fashion-MNIST with a corner-stamp backdoor, whose stamped samples a concept "
                                + "request can name as a pattern).")
                .define(DATASET_DIR, Type.STRING, defaultDatasetDir, Importance.MEDIUM,
                        "Directory of the Fashion-MNIST IDX files the models are trained on (every dataset name reads them).")
                .define(DATASET_LIMIT, Type.INT, 0, ConfigDef.Range.atLeast(0), Importance.LOW,
                        "Use only the first N training samples (0 = all; for tests and quick runs); every worker and "
                                + "evaluator of a cluster must use the same value.")
                .define(DEVICE, Type.STRING, "cpu", Importance.MEDIUM, "cpu, gpu, or auto (GPU when DJL reports one).");
    }

    /**
     * Adds {@code signing.key.file}: the Ed25519 private key (PKCS#8 PEM, e.g. from {@code unlearn keys generate}) the
     * service signs {@code what} with; empty = a key pair generated once under {@code generatedWhere} and reused.
     */
    public static ConfigDef signingKeys(ConfigDef definition, String what, String generatedWhere) {
        return definition.define(SIGNING_KEY_FILE, Type.STRING, "", Importance.MEDIUM,
                "Ed25519 private key file (PKCS#8 PEM, e.g. from `unlearn keys generate`) this service signs " + what
                        + " with. Empty: a key pair is generated once as " + generatedWhere + " (the public half next to it,"
                        + " .pub) and reused; give that .pub file to auditors.");
    }

    /**
     * The signer {@code signing.key.file} names, else the key pair kept as {@code <defaultDir>/<name>.key}. A configured
     * file that is not an Ed25519 private key fails here, naming it.
     */
    public EventSigner signer(java.nio.file.Path defaultDir, String name) {
        String file = getString(SIGNING_KEY_FILE);
        return file.isBlank() ? EventSigner.generatedIn(defaultDir, name) : EventSigner.fromKeyFile(java.nio.file.Path.of(file));
    }

    /** Checks a configured {@code signing.key.file} (so start-up fails fast), adding what is wrong to {@code problems}. */
    protected void checkSigningKey(List<String> problems) {
        String file = getString(SIGNING_KEY_FILE);
        if (!file.isBlank()) {
            try {
                io.unlearn.schemas.SigningKeys.readPrivate(java.nio.file.Path.of(file));
            } catch (io.unlearn.schemas.ContractException e) {
                problems.add(SIGNING_KEY_FILE + ": " + e.getMessage());
            }
        }
    }

    private static String hostName(String fallback) {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return fallback;
        }
    }

    /** Settings for every Kafka client: bootstrap servers plus the {@code kafka.}-prefixed keys, prefix removed. */
    public Map<String, Object> kafkaClientProps() {
        Map<String, Object> props = new HashMap<>(originalsWithPrefix(KAFKA_PREFIX, true));
        props.put(BOOTSTRAP_SERVERS, String.join(",", getList(BOOTSTRAP_SERVERS)));
        return props;
    }

    /** Settings for the schema-registry client: every key given except the Kafka and service pass-through ones. */
    public Map<String, Object> registryProps() {
        Map<String, Object> props = new HashMap<>(originals());
        props.keySet().removeIf(k -> k.startsWith(KAFKA_PREFIX) || ownPrefixes.stream().anyMatch(k::startsWith));
        return props;
    }

    /** A registry client built from {@link #registryProps()}. */
    public SchemaRegistryClient registry() {
        return SchemaRegistryClient.create(SchemaRegistryConfig.fromProperties(registryProps()));
    }

    /** The transactional.id of this instance: stable across restarts so that a restart fences its predecessor. */
    public String transactionalId() {
        return getString(TRANSACTIONAL_ID_PREFIX) + "-" + getString(GROUP_ID) + "-" + getString(INSTANCE_ID);
    }

    /**
     * The group consumer of a consume-transform-produce loop: {@code group.id}, committed records only, offsets
     * committed only through the producer's transaction, a new group starting from the beginning of the topic
     * ({@code kafka.auto.offset.reset} overrides that), and 15 minutes between polls (a step may train a model).
     */
    public Map<String, Object> transactionalConsumerProps() {
        Map<String, Object> p = new HashMap<>(kafkaClientProps());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, getString(GROUP_ID));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, MAX_POLL_INTERVAL_MS);
        // An idle connection must outlive the longest wait between polls, or the one to the group coordinator can be
        // closed during a rebalance (the consumer warns at start when connections.max.idle.ms, 9 min by default, is
        // the shorter).
        p.putIfAbsent(ConsumerConfig.CONNECTIONS_MAX_IDLE_MS_CONFIG, MAX_POLL_INTERVAL_MS + 60_000);
        return p;
    }

    /**
     * The transactional producer of a consume-transform-produce loop: {@link #transactionalId()}, idempotent,
     * acks=all. A transaction only wraps the publication of an already computed result (seconds), never the
     * computation: the short timeout bounds how long a crashed instance of unknown name holds read_committed
     * readers back.
     */
    public Map<String, Object> transactionalProducerProps() {
        Map<String, Object> p = new HashMap<>(kafkaClientProps());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return p;
    }
}
