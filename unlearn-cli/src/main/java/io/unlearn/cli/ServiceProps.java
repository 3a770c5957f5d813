package io.unlearn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** A service's settings: the cluster's addresses, then a properties file, then {@code --set} pairs (last wins). */
final class ServiceProps {
    private ServiceProps() {
    }

    static Map<String, Object> merge(ClusterOptions cluster, Path file, Map<String, String> overrides) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", cluster.bootstrap());
        props.put("schema.registry.url", cluster.registryUrlOrStack());
        if (file != null) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new CliException("Cannot read --config " + file + ": " + e.getMessage());
            }
            p.forEach((k, v) -> props.put(k.toString(), v));
        }
        props.putAll(overrides);
        return props;
    }
}
