package io.unlearn.cli.security;

import io.unlearn.schemas.EventContract;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.SchemaRegistryConfig;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One secured local stack per test JVM (the ITs of this package share it), in a temporary data dir, with the topics and
 * schemas installed by the super user as {@code stack up --secure} does; stopped when the JVM exits.
 */
final class SecuredStack {
    private static LocalStack stack;

    private SecuredStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            try {
                Path dir = Files.createTempDirectory("secured-stack");
                stack = LocalStack.start(LocalStackConfig.custom().optDataDir(dir)
                        .optSecurity(ServiceAcls.stackSecurity()).build());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "secured-stack-stop"));
            EventContract.install(stack.adminClientProps(),
                    SchemaRegistryClient.create(SchemaRegistryConfig.fromProperties(stack.adminRegistryProps())));
        }
        return stack;
    }

    /** The principal's registry client, authenticated with the user and password of its client config. */
    static SchemaRegistryClient registryOf(ServicePrincipal p) {
        Map<String, Object> props = new java.util.HashMap<>(clientOf(p));
        props.put(SchemaRegistryConfig.URL_CONFIG, get().registryUrl());
        return SchemaRegistryClient.create(SchemaRegistryConfig.fromProperties(props));
    }

    /** The principal's client config as {@code stack up --secure} wrote it, plus bounded timeouts. */
    static Map<String, Object> clientOf(ServicePrincipal p) {
        return SecureClients.fromFile(get().clientConfigFile(p.userName()).orElseThrow());
    }
}
