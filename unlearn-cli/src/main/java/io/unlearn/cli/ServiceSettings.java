package io.unlearn.cli;

import io.unlearn.runtime.ServiceProps;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where a service command's settings come from: the cluster options, the Kafka client settings of {@code --client-config}
 * (as {@code kafka.*} keys, see {@link ServiceProps#merge(Map, Path, Path, Map)}), then a properties file of the service's config
 * keys, then {@code --set} overrides (the keys are those of the service's config class, named in its description).
 */
final class ServiceSettings {
    @Mixin
    ClusterOptions cluster;

    @Option(names = "--config", description = "Properties file with the service's config keys (kafka.* keys pass to the Kafka clients).")
    Path configFile;

    @Option(names = "--set", description = "One config key=value; repeatable; wins over --config.")
    Map<String, String> overrides = new HashMap<>();

    /** The merged settings, ready for the service's config class. */
    Map<String, Object> props() {
        return ServiceProps.merge(cluster.serviceDefaults(), cluster.clientConfig, configFile, overrides);
    }
}
