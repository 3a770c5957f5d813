package io.unlearn.cli.security;

import io.unlearn.evaluator.EvaluatorConfig;
import io.unlearn.ingest.IngestConfig;
import io.unlearn.runtime.ServiceConfig;
import io.unlearn.schemas.Topic;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.StackSecurity;
import io.unlearn.worker.WorkerConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Least-privilege ACLs of a secured cluster, derived from the topic catalogue ({@link Topics}) and the services' own
 * config defaults (consumer group, transactional.id prefix, Streams application id), never from names written twice.
 * <ul>
 *   <li>request-ingest reads the request topics and the catalogue it validates against (samples, forgotten, versions,
 *       status); writes accepted, status, dead letters and the request topics (its HTTP API publishes requests); owns
 *       its Streams application id as group, transactional-id prefix and internal-topic prefix;</li>
 *   <li>worker reads accepted (in its group), reports, forgotten, versions, status; is the only writer of versions and
 *       forgotten; writes status and dead letters in transactions under its prefix;</li>
 *   <li>evaluator reads versions (in its group), reports, forgotten, status; is the only writer of reports; writes
 *       status and dead letters in transactions under its prefix;</li>
 *   <li>auditor reads every topic, nothing else (the audit replay uses no consumer group).</li>
 * </ul>
 * READ implies DESCRIBE and WRITE implies DESCRIBE (and, since Kafka 3.0, idempotent writes) on the same resource.
 */
public final class ServiceAcls {
    private ServiceAcls() {
    }

    /** The stack security with every service principal and every ACL below. */
    public static StackSecurity stackSecurity() {
        return new StackSecurity(Arrays.stream(ServicePrincipal.values()).map(ServicePrincipal::userName).toList(), all());
    }

    /** Every ACL of every principal. */
    public static List<AclBinding> all() {
        List<AclBinding> acls = new ArrayList<>();
        for (ServicePrincipal p : ServicePrincipal.values()) {
            acls.addAll(of(p));
        }
        return acls;
    }

    /** The ACLs of one principal. */
    public static List<AclBinding> of(ServicePrincipal principal) {
        Grants g = new Grants(principal);
        switch (principal) {
            case REQUEST_INGEST -> {
                String app = defaultOf(IngestConfig.CONFIG_DEF.defaultValues().get(IngestConfig.APPLICATION_ID));
                g.read(Topics.DELETION_REQUESTS, Topics.CONCEPT_REQUESTS, Topics.SAMPLES, Topics.FORGOTTEN_SAMPLES,
                        Topics.MODEL_VERSIONS, Topics.REQUEST_STATUS);
                g.write(Topics.ACCEPTED_REQUESTS, Topics.REQUEST_STATUS, Topics.DEAD_LETTERS,
                        Topics.DELETION_REQUESTS, Topics.CONCEPT_REQUESTS);
                g.group(app);
                g.transactionalIds(app + "-");
                g.internalTopics(app + "-");
            }
            case WORKER -> {
                g.read(Topics.ACCEPTED_REQUESTS, Topics.EVALUATION_REPORTS, Topics.FORGOTTEN_SAMPLES, Topics.MODEL_VERSIONS,
                        Topics.REQUEST_STATUS);
                g.write(Topics.MODEL_VERSIONS, Topics.FORGOTTEN_SAMPLES, Topics.REQUEST_STATUS, Topics.DEAD_LETTERS);
                groupMember(g, WorkerConfig.CONFIG_DEF.defaultValues());
            }
            case EVALUATOR -> {
                g.read(Topics.MODEL_VERSIONS, Topics.EVALUATION_REPORTS, Topics.FORGOTTEN_SAMPLES, Topics.REQUEST_STATUS);
                g.write(Topics.EVALUATION_REPORTS, Topics.REQUEST_STATUS, Topics.DEAD_LETTERS);
                groupMember(g, EvaluatorConfig.CONFIG_DEF.defaultValues());
            }
            case AUDITOR -> g.read(Topics.ALL.toArray(Topic<?, ?>[]::new));
        }
        return g.acls;
    }

    private static void groupMember(Grants g, java.util.Map<String, Object> defaults) {
        g.group(defaultOf(defaults.get(ServiceConfig.GROUP_ID)));
        g.transactionalIds(defaultOf(defaults.get(ServiceConfig.TRANSACTIONAL_ID_PREFIX)) + "-");
    }

    private static String defaultOf(Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("a service config lost the default the ACLs are derived from");
        }
        return value.toString();
    }

    /** The ALLOW entries of one principal, built up by resource. */
    private static final class Grants {
        final List<AclBinding> acls = new ArrayList<>();
        private final String principal;

        Grants(ServicePrincipal p) {
            this.principal = p.kafkaPrincipal();
        }

        void read(Topic<?, ?>... topics) {
            for (Topic<?, ?> t : topics) {
                allow(ResourceType.TOPIC, t.name(), PatternType.LITERAL, AclOperation.READ);
            }
        }

        void write(Topic<?, ?>... topics) {
            for (Topic<?, ?> t : topics) {
                allow(ResourceType.TOPIC, t.name(), PatternType.LITERAL, AclOperation.WRITE);
            }
        }

        void group(String id) {
            allow(ResourceType.GROUP, id, PatternType.LITERAL, AclOperation.READ);
        }

        void transactionalIds(String prefix) {
            allow(ResourceType.TRANSACTIONAL_ID, prefix, PatternType.PREFIXED, AclOperation.WRITE);
        }

        void internalTopics(String prefix) {
            allow(ResourceType.TOPIC, prefix, PatternType.PREFIXED, AclOperation.ALL);
        }

        private void allow(ResourceType type, String name, PatternType pattern, AclOperation op) {
            acls.add(new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW)));
        }
    }
}
