package io.unlearn.stack.internals;

import io.unlearn.stack.StackException;
import io.unlearn.stack.StackSecurity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up work of a secured stack, done as the super user once the broker listens: a SCRAM-SHA-512 credential
 * per service principal ({@code Admin#alterUserScramCredentials}, an upsert: the password its client-config file
 * holds, or a new one), the ACLs, and the client-config files.
 */
public final class SecuritySetup {
    private static final Logger log = LoggerFactory.getLogger(SecuritySetup.class);
    private static final int SCRAM_ITERATIONS = 8192;

    private SecuritySetup() {
    }

    /** Kafka client settings of the super user on this broker. */
    public static Map<String, Object> adminProps(String bootstrapServers, String adminPassword) {
        Map<String, Object> p = new HashMap<>(ClientCredentials.saslProps(StackSecurity.ADMIN, adminPassword));
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return p;
    }

    /** Creates the principals' credentials and the ACLs, writes every client-config file; returns their directory. */
    /**
     * @param passwords every principal's password, the admin's included ({@link ClientCredentials#passwords})
     */
    public static Path apply(StackSecurity security, ClientCredentials credentials, String bootstrapServers,
                             String registryUrl, Map<String, String> passwords, Duration timeout) {
        String adminPassword = passwords.get(StackSecurity.ADMIN);
        credentials.write(StackSecurity.ADMIN, adminPassword, bootstrapServers, registryUrl);
        Map<String, Object> props = adminProps(bootstrapServers, adminPassword);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(props)) {
            List<UserScramCredentialAlteration> upserts = new ArrayList<>();
            for (String principal : security.principals()) {
                String password = passwords.get(principal);
                upserts.add(new UserScramCredentialUpsertion(principal,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password));
            }
            admin.alterUserScramCredentials(upserts).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            admin.createAcls(security.acls()).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            security.principals().forEach(principal -> credentials.write(principal, passwords.get(principal), bootstrapServers, registryUrl));
        } catch (ExecutionException e) {
            throw new StackException("Securing the broker on " + bootstrapServers + " failed: " + e.getCause().getMessage()
                    + "; delete the data dir and start afresh if its admin credentials were changed", e.getCause());
        } catch (TimeoutException e) {
            throw new StackException("Securing the broker on " + bootstrapServers + " took more than " + timeout
                    + "; is the broker overloaded? Retry with a longer --startup-timeout", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while securing the broker on " + bootstrapServers, e);
        }
        log.info("Secured broker: {} principal(s), {} ACL(s), client configs in {}", security.principals().size(),
                security.acls().size(), credentials.file(StackSecurity.ADMIN).getParent());
        return credentials.file(StackSecurity.ADMIN).getParent();
    }
}
