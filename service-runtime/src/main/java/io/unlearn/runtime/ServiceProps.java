package io.unlearn.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** A service's settings as the launcher gathers them: defaults, then a properties file, then single pairs (last wins). */
public final class ServiceProps {
    private ServiceProps() {
    }

    /**
     * @param defaults  e.g. the cluster's addresses
     * @param file      a properties file with the service's config keys; null for none
     * @param overrides {@code key=value} pairs given one by one (the launcher's {@code --set})
     * @throws FatalServiceException when the file cannot be read
     */
    public static Map<String, Object> merge(Map<String, ?> defaults, Path file, Map<String, String> overrides) {
        return merge(defaults, null, file, overrides);
    }

    /**
     * As {@link #merge(Map, Path, Map)}, with a client-config file between the defaults and the service's own file: a
     * Kafka client's properties file as every Kafka tool takes it ({@code security.protocol}, {@code sasl.*},
     * {@code ssl.*}, ...), the same for every service. Its {@code bootstrap.servers} and the registry's keys
     * ({@code schema.registry.*}, {@code basic.auth.*}, {@code bearer.auth.*}) are taken as they are; every other key
     * becomes a {@code kafka.}-prefixed key, which the service hands to all its Kafka clients. A key the defaults
     * already hold keeps the defaults' value (an explicit {@code --bootstrap-servers} wins over the file's).
     *
     * @param clientConfig a Kafka client properties file; null for none
     * @throws FatalServiceException when a file cannot be read
     */
    public static Map<String, Object> merge(Map<String, ?> defaults, Path clientConfig, Path file, Map<String, String> overrides) {
        Map<String, Object> withClient = new HashMap<>(defaults);
        if (clientConfig != null) {
            load(clientConfig, "--client-config").forEach((k, v) -> withClient.putIfAbsent(serviceKey(k.toString()), v));
        }
        return mergeOwn(withClient, file, overrides);
    }

    private static String serviceKey(String clientKey) {
        boolean asIs = clientKey.equals(ServiceConfig.BOOTSTRAP_SERVERS) || clientKey.startsWith("schema.registry.")
                || clientKey.startsWith("basic.auth.") || clientKey.startsWith("bearer.auth.")
                || clientKey.startsWith(ServiceConfig.KAFKA_PREFIX);
        return asIs ? clientKey : ServiceConfig.KAFKA_PREFIX + clientKey;
    }

    private static Properties load(Path file, String what) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new FatalServiceException("Cannot read " + what + " " + file + ": " + e.getMessage());
        }
        return p;
    }

    private static Map<String, Object> mergeOwn(Map<String, ?> defaults, Path file, Map<String, String> overrides) {
        Map<String, Object> props = new HashMap<>(defaults);
        if (file != null) {
            load(file, "--config").forEach((k, v) -> props.put(k.toString(), v));
        }
        props.putAll(overrides);
        return props;
    }
}
