package io.unlearn.stack.internals;

import io.unlearn.stack.StackException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * HTTP basic auth of the embedded Apicurio registry, for the secured stack. Apicurio 3.3.3 turns authentication on
 * with its OIDC tenant switch ({@code quarkus.oidc.tenant-enabled}) and then tries basic auth first; the users come
 * from Quarkus' embedded user list ({@code quarkus.security.users.embedded.*}, compiled into the app). The OIDC
 * tenant itself is given an address on 127.0.0.1 where nothing listens (discovery off), so a bearer token is never
 * accepted and nothing leaves loopback; Apicurio logs one warning that this OIDC server is not available. The
 * settings go to {@code <workDir>/config/application.properties} (owner-only; Quarkus reads it from the process's
 * working directory), not to the command line where other users of the host could read the passwords.
 * Authorization is not per principal: role-based authorization stays off, so every authenticated user may read and
 * register schemas.
 */
final class RegistryBasicAuth {
    private RegistryBasicAuth() {
    }

    /** Writes the settings for {@code users} (user → password), or removes them when there are none. */
    static void configure(Path workDir, Map<String, String> users) {
        Path file = workDir.resolve("config").resolve("application.properties");
        try {
            Files.deleteIfExists(file);
            if (users.isEmpty()) {
                return;
            }
            Properties p = new Properties();
            p.setProperty("quarkus.oidc.tenant-enabled", "true");
            p.setProperty("quarkus.oidc.discovery-enabled", "false");
            p.setProperty("quarkus.oidc.auth-server-url", "http://127.0.0.1:9/no-oidc-server");
            p.setProperty("quarkus.oidc.jwks-path", "certs");
            p.setProperty("quarkus.oidc.token-path", "token");
            p.setProperty("quarkus.http.auth.basic", "true");
            p.setProperty("quarkus.security.users.embedded.plain-text", "true");
            users.forEach((user, password) -> p.setProperty("quarkus.security.users.embedded.users." + user, password));
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "basic auth of the secured local stack's registry");
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new StackException("Cannot write the registry's auth settings " + file + ": " + e.getMessage(), e);
        }
    }

    /** The {@code Authorization} header value for a user. */
    static String header(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
