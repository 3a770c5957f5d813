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
        Map<String, Object> props = new HashMap<>(defaults);
        if (file != null) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new FatalServiceException("Cannot read --config " + file + ": " + e.getMessage());
            }
            p.forEach((k, v) -> props.put(k.toString(), v));
        }
        props.putAll(overrides);
        return props;
    }
}
