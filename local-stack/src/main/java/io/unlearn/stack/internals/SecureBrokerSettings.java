package io.unlearn.stack.internals;

import io.unlearn.stack.StackSecurity;
import java.util.List;
import java.util.Properties;

/**
 * The broker settings of a secured local stack. The client listener (also the inter-broker one) is SASL_PLAINTEXT with
 * SCRAM-SHA-512 only. The controller listener (127.0.0.1, not advertised) is SASL_PLAINTEXT with PLAIN: SCRAM
 * credentials live in the metadata the controller itself serves, so the broker authenticates to its controller with a
 * static JAAS user, {@value #CONTROLLER_USER}, whose secret is drawn anew at every start and never written to disk
 * (it exists only in this JVM's broker config). That user is a super user (the controller requires CLUSTER_ACTION);
 * nobody else can authenticate on that listener. Every request is authorized by the StandardAuthorizer with
 * {@code allow.everyone.if.no.acl.found=false}: no ACL, no access.
 */
final class SecureBrokerSettings {
    static final String LISTENER = "SASL_PLAINTEXT";
    /** The broker's own user towards its controller (SASL/PLAIN, a secret drawn anew at every start). */
    static final String CONTROLLER_USER = "unlearn-controller";

    private SecureBrokerSettings() {
    }

    static void apply(Properties p, int brokerPort, String adminPassword) {
        String controller = p.getProperty("listeners").replaceFirst("^PLAINTEXT://[^,]+,", "");
        p.put("listeners", LISTENER + "://127.0.0.1:" + brokerPort + "," + controller);
        p.put("advertised.listeners", LISTENER + "://127.0.0.1:" + brokerPort);
        p.put("inter.broker.listener.name", LISTENER);
        p.put("listener.security.protocol.map", LISTENER + ":SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        String controllerSecret = ClientCredentials.randomSecret();
        p.put("listener.name.controller.plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"" + CONTROLLER_USER + "\" password=\"" + controllerSecret + "\""
                + " user_" + CONTROLLER_USER + "=\"" + controllerSecret + "\";");
        p.put("sasl.enabled.mechanisms", StackSecurity.MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", StackSecurity.MECHANISM);
        p.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                ClientCredentials.saslProps(StackSecurity.ADMIN, adminPassword).get("sasl.jaas.config"));
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + StackSecurity.ADMIN + ";User:" + CONTROLLER_USER);
    }

    /** {@code kafka-storage format} arguments that create the admin's SCRAM credential with the metadata. */
    static List<String> formatArgs(String adminPassword) {
        return List.of("--add-scram", StackSecurity.MECHANISM + "=[name=" + StackSecurity.ADMIN + ",password=" + adminPassword + "]");
    }
}
