package io.unlearn.stack.internals;

import io.unlearn.stack.StackException;
import io.unlearn.stack.StackSecurity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The SCRAM passwords of a secured stack, one client-config file per principal under {@code <dataDir>/clients}
 * ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}, {@code bootstrap.servers}, and the
 * registry's {@code schema.registry.url} and {@code basic.auth.user.info} with the same user and password). A password
 * is drawn once (SecureRandom, 128 bits) and read back on later starts, so the files stay valid across restarts. The
 * files are readable by their owner only.
 */
public final class ClientCredentials {
    /** The schema registry client's basic-auth key (user:password), the same password as the SCRAM one. */
    public static final String REGISTRY_USER_INFO = "basic.auth.user.info";
    private final Path dir;

    public ClientCredentials(Path dataDir) {
        this.dir = dataDir.resolve(StackSecurity.CLIENTS_DIR);
    }

    /** The client-config file of a principal. */
    public Path file(String principal) {
        return dir.resolve(principal + ".properties");
    }

    /** Whether this data dir holds the admin's credentials, i.e. was started secured. */
    public boolean adminExists() {
        return Files.isRegularFile(file(StackSecurity.ADMIN));
    }

    /** The principal's password: the one its file holds, or a new random one. */
    public String passwordOf(String principal) {
        Path f = file(principal);
        if (!Files.isRegularFile(f)) {
            return randomSecret();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
        } catch (IOException e) {
            throw new StackException("Cannot read the client config " + f + ": " + e.getMessage() + "; fix its permissions", e);
        }
        String jaas = p.getProperty("sasl.jaas.config", "");
        int at = jaas.indexOf("password=\"");
        if (at < 0) {
            throw new StackException("The client config " + f + " holds no SCRAM password; delete the data dir to start afresh");
        }
        int from = at + "password=\"".length();
        return jaas.substring(from, jaas.indexOf('"', from));
    }

    /** Every principal's password, the admin's first: the ones the files hold, new ones for the rest. */
    public Map<String, String> passwords(StackSecurity security) {
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put(StackSecurity.ADMIN, passwordOf(StackSecurity.ADMIN));
        security.principals().forEach(principal -> passwords.put(principal, passwordOf(principal)));
        return passwords;
    }

    /** 128 random bits from SecureRandom, hex. */
    static String randomSecret() {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    /** Kafka client settings that authenticate as {@code principal} with {@code password}. */
    public static Map<String, Object> saslProps(String principal, String password) {
        Map<String, Object> p = new HashMap<>();
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", StackSecurity.MECHANISM);
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + principal + "\" password=\"" + password + "\";");
        return p;
    }

    /** Writes (or rewrites) the principal's client-config file, owner-readable only. */
    public Path write(String principal, String password, String bootstrapServers, String registryUrl) {
        Path f = file(principal);
        Properties p = new Properties();
        saslProps(principal, password).forEach((k, v) -> p.setProperty(k, v.toString()));
        p.setProperty("bootstrap.servers", bootstrapServers);
        p.setProperty("schema.registry.url", registryUrl);
        p.setProperty(REGISTRY_USER_INFO, principal + ":" + password);
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(f);
            Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(f)) {
                p.store(out, "Kafka client settings of principal " + principal + " on the secured local stack");
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new StackException("Cannot write the client config " + f + ": " + e.getMessage(), e);
        }
        return f;
    }
}
