package io.unlearn.cli;

import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.SchemaRegistryConfig;
import io.unlearn.stack.LocalStackAddresses;
import io.unlearn.stack.LocalStackConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Where the cluster is, for every command that talks to Kafka: explicit flags, else a properties file,
 * else the local stack remembered under {@code .unlearn/stack} (what {@code unlearn stack up} started).
 * The properties file may hold any Kafka client setting (SASL/SSL) and the registry's auth keys.
 */
public final class ClusterOptions {
    @Option(names = "--bootstrap-servers", description = "Kafka brokers (default: the local stack's).")
    String bootstrapServers;

    @Option(names = "--registry-url", description = "Confluent-compatible schema registry URL (default: the local stack's).")
    String registryUrl;

    @Option(names = "--client-config", description = "Properties file with Kafka client settings (security.protocol, sasl.*, ssl.*) and registry auth.")
    Path clientConfig;

    @Option(names = "--stack-dir", description = "Data dir of the local stack to find when no address is given (default: ${DEFAULT-VALUE}).")
    Path stackDir = Path.of(LocalStackConfig.DEFAULT_DATA_DIR);

    /** Kafka client properties: the file's settings plus bootstrap.servers. */
    public Map<String, Object> clientProps() {
        Map<String, Object> props = new HashMap<>();
        fileProps().forEach((k, v) -> props.put(k.toString(), v));
        props.put("bootstrap.servers", bootstrap());
        return props;
    }

    /** A service's first settings: {@code bootstrap.servers} and {@code schema.registry.url}; a config file and --set follow. */
    public Map<String, Object> serviceDefaults() {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrap());
        props.put(SchemaRegistryConfig.URL_CONFIG, registryUrlOrStack());
        return props;
    }

    public SchemaRegistryClient registry() {
        Map<String, Object> props = new HashMap<>();
        fileProps().forEach((k, v) -> props.put(k.toString(), v));
        props.put(SchemaRegistryConfig.URL_CONFIG, registryUrlOrStack());
        return SchemaRegistryClient.create(SchemaRegistryConfig.fromProperties(props));
    }

    String bootstrap() {
        if (bootstrapServers != null) {
            return bootstrapServers;
        }
        Object fromFile = fileProps().get("bootstrap.servers");
        return fromFile != null ? fromFile.toString() : stack().bootstrapServers();
    }

    String registryUrlOrStack() {
        if (registryUrl != null) {
            return registryUrl;
        }
        Object fromFile = fileProps().get(SchemaRegistryConfig.URL_CONFIG);
        return fromFile != null ? fromFile.toString() : stack().registryUrl();
    }

    private LocalStackAddresses stack() {
        return LocalStackAddresses.read(stackDir).orElseThrow(() -> new CliException("No cluster given and no local stack under "
                + stackDir.toAbsolutePath() + ": start one with `./unlearn stack up` or pass --bootstrap-servers and --registry-url"));
    }

    private Properties fileProps() {
        Properties p = new Properties();
        if (clientConfig == null) {
            return p;
        }
        try (InputStream in = Files.newInputStream(clientConfig)) {
            p.load(in);
        } catch (IOException e) {
            throw new CliException("Cannot read --client-config " + clientConfig + ": " + e.getMessage());
        }
        return p;
    }
}
