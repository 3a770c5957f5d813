package io.unlearn.stack;

import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.acl.AclBinding;

/**
 * What a secured local stack enforces: SASL/SCRAM-SHA-512 on the broker's client listener, the StandardAuthorizer with
 * {@code allow.everyone.if.no.acl.found=false}, a super user {@value #ADMIN} for the stack's own admin tasks (topics,
 * schemas, credentials, ACLs), one SCRAM user per service principal and the given ACLs. The stack knows no project
 * topic: the caller derives the principals and ACLs from the topic catalogue.
 *
 * @param principals the service principals (user names) that get a SCRAM credential and a client-config file
 * @param acls       the ACLs created at every start (creating an existing ACL is a no-op)
 */
public record StackSecurity(List<String> principals, List<AclBinding> acls) {
    /** The stack's super user: it creates topics, registers schemas, credentials and ACLs. */
    public static final String ADMIN = "unlearn-admin";
    /** The one SASL mechanism the secured broker enables. */
    public static final String MECHANISM = "SCRAM-SHA-512";
    /** The directory under the stack's data dir that holds one client-config file per principal. */
    public static final String CLIENTS_DIR = "clients";

    public StackSecurity {
        principals = List.copyOf(Objects.requireNonNull(principals, "principals"));
        acls = List.copyOf(Objects.requireNonNull(acls, "acls"));
        for (String p : principals) {
            if (!p.matches("[A-Za-z0-9._-]+") || p.equals(ADMIN)) {
                throw new StackException("Principal name '" + p + "' is not usable: use letters, digits, '.', '_' or '-', "
                        + "and not the stack's own " + ADMIN);
            }
        }
    }
}
