package io.unlearn.stack;

import io.unlearn.stack.internals.StackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Where a local stack that ran on {@code dataDir} listens, read from the ports it remembered there; lets
 * commands such as {@code unlearn request delete} find a running {@code unlearn stack up} without flags.
 */
public record LocalStackAddresses(String bootstrapServers, String registryUrl) {

    /** The addresses remembered in {@code dataDir}, or empty when no stack ever ran there. */
    public static Optional<LocalStackAddresses> read(Path dataDir) {
        if (!Files.exists(dataDir.resolve("ports.properties"))) {
            return Optional.empty();
        }
        StackPorts ports = StackPorts.load(dataDir);
        return Optional.of(new LocalStackAddresses("127.0.0.1:" + ports.resolve("broker", 0),
                "http://127.0.0.1:" + ports.resolve("registry", 0) + "/apis/ccompat/v7"));
    }

    /**
     * The ports a local stack remembered in {@code dataDir} by name (broker, controller, registry, ...), empty when no
     * stack ever ran there.
     *
     * @throws StackException when the ports file exists but cannot be read
     */
    public static SortedMap<String, Integer> rememberedPorts(Path dataDir) {
        return StackPorts.load(dataDir).remembered();
    }
}
