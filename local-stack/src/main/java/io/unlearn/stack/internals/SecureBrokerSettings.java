package io.unlearn.stack.internals;

import io.unlearn.stack.StackSecurity;
import java.util.List;
import java.util.Properties;

/**
 * The broker settings of a secured local stack. The client listener (also the inter-broker one) is SASL_PLAINTEXT with
 * SCRAM-SHA-512 only; the controller listener stays PLAINTEXT on 127.0.0.1: in this combined broker + controller the
 * broker reaches its own controller there without SASL, so its principal is {@code User:ANONYMOUS}, which must be a
 * super user for the controller to accept it. No client reaches the controller listener (it is not advertised and
 * serves only the controller APIs). Every other request is authorized by the StandardAuthorizer with
 * {@code allow.everyone.if.no.acl.found=false}: no ACL, no access.
 */
final class SecureBrokerSettings {
    static final String LISTENER = "SASL_PLAINTEXT";

    private SecureBrokerSettings() {
    }

    static void apply(Properties p, int brokerPort, String adminPassword) {
        String controller = p.getProperty("listeners").replaceFirst("^PLAINTEXT://[^,]+,", "");
        p.put("listeners", LISTENER + "://127.0.0.1:" + brokerPort + "," + controller);
        p.put("advertised.listeners", LISTENER + "://127.0.0.1:" + brokerPort);
        p.put("inter.broker.listener.name", LISTENER);
        p.put("listener.security.protocol.map", LISTENER + ":SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("sasl.enabled.mechanisms", StackSecurity.MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", StackSecurity.MECHANISM);
        p.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                ClientCredentials.saslProps(StackSecurity.ADMIN, adminPassword).get("sasl.jaas.config"));
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + StackSecurity.ADMIN + ";User:ANONYMOUS");
    }

    /** {@code kafka-storage format} arguments that create the admin's SCRAM credential with the metadata. */
    static List<String> formatArgs(String adminPassword) {
        return List.of("--add-scram", StackSecurity.MECHANISM + "=[name=" + StackSecurity.ADMIN + ",password=" + adminPassword + "]");
    }
}
