package io.unlearn.audit;

import io.unlearn.schemas.SchemaRegistryClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link Audit#replay} reads and how it judges: the cluster (Kafka client properties with
 * {@code bootstrap.servers}, and the schema registry the records' schema ids refer to), the models audited, and how
 * long a version may wait for its evaluation report. Immutable; built with {@link #custom()}:
 * <pre>{@code
 * AuditOptions options = AuditOptions.custom().setBootstrapServers("localhost:9092").setRegistryUrl(registryUrl)
 *         .optModels(List.of("fmnist-cnn")).build();
 * }</pre>
 */
public final class AuditOptions {
    /** How long after its publication a version may lack an evaluation report before that is a failure. */
    public static final Duration DEFAULT_REPORT_GRACE = Duration.ofMinutes(10);

    private final Map<String, Object> clientProps;
    private final SchemaRegistryClient registry;
    private final String modelPrefix;
    private final Set<String> models;
    private final Duration reportGrace;
    private final AuditSigners signers;

    private AuditOptions(Builder b) {
        this.signers = b.signers;
        this.clientProps = Map.copyOf(b.clientProps);
        this.registry = b.registry;
        this.modelPrefix = b.modelPrefix;
        this.models = b.models;
        this.reportGrace = b.reportGrace;
    }

    public static Builder custom() {
        return new Builder();
    }

    /** Kafka client settings: {@code bootstrap.servers} and any security settings. */
    public Map<String, Object> clientProps() {
        return clientProps;
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    /** Counted back from the newest record read; see {@link #DEFAULT_REPORT_GRACE}. */
    public Duration reportGrace() {
        return reportGrace;
    }

    /** Whose signatures are accepted; {@link AuditSigners#none()} unless given. */
    public AuditSigners signers() {
        return signers;
    }

    /** Whether {@code modelId} is audited: it starts with the model prefix, or is in the model list, or neither was given. */
    public boolean audits(String modelId) {
        if (modelPrefix != null) {
            return modelId.startsWith(modelPrefix);
        }
        return models == null || models.contains(modelId);
    }

    /** Required: the cluster (bootstrap servers or client properties holding them) and the registry; the rest is optional. */
    public static final class Builder {
        private final Map<String, Object> clientProps = new HashMap<>();
        private SchemaRegistryClient registry;
        private String modelPrefix;
        private Set<String> models;
        private Duration reportGrace = DEFAULT_REPORT_GRACE;
        private AuditSigners signers = AuditSigners.none();

        private Builder() {
        }

        /** Adds Kafka client settings ({@code bootstrap.servers}, {@code security.protocol}, {@code sasl.*}, {@code ssl.*}). */
        public Builder setClientProps(Map<String, ?> props) {
            clientProps.putAll(props);
            return this;
        }

        public Builder setBootstrapServers(String bootstrapServers) {
            clientProps.put("bootstrap.servers", bootstrapServers);
            return this;
        }

        public Builder setRegistry(SchemaRegistryClient registry) {
            this.registry = registry;
            return this;
        }

        /** A registry at {@code url} with default timeouts and no auth; {@link #setRegistry} for anything else. */
        public Builder setRegistryUrl(String url) {
            return setRegistry(SchemaRegistryClient.create(url));
        }

        /** Audits only the models whose id starts with {@code prefix}; excludes {@link #optModels}. */
        public Builder optModelPrefix(String prefix) {
            this.modelPrefix = prefix;
            return this;
        }

        /** Audits only these models; excludes {@link #optModelPrefix}. */
        public Builder optModels(Collection<String> ids) {
            this.models = ids == null ? null : Set.copyOf(ids);
            return this;
        }

        public Builder optReportGrace(Duration grace) {
            this.reportGrace = grace;
            return this;
        }

        /** The workers' and evaluators' public keys: versions and reports must be signed by them. */
        public Builder optSigners(AuditSigners signers) {
            this.signers = signers == null ? AuditSigners.none() : signers;
            return this;
        }

        /** @throws AuditException naming every missing or contradictory setting at once */
        public AuditOptions build() {
            List<String> problems = new ArrayList<>();
            if (Objects.toString(clientProps.get("bootstrap.servers"), "").isBlank()) {
                problems.add("no Kafka bootstrap servers: call setBootstrapServers or pass bootstrap.servers in setClientProps");
            }
            if (registry == null) {
                problems.add("no schema registry: call setRegistryUrl or setRegistry");
            }
            if (modelPrefix != null && models != null) {
                problems.add("the model prefix " + modelPrefix + " and the model list " + models + " exclude each other; pass one of them");
            }
            if (reportGrace == null || reportGrace.isNegative()) {
                problems.add("the report grace " + reportGrace + " must be zero or positive");
            }
            if (!problems.isEmpty()) {
                throw new AuditException("invalid audit options: " + String.join("; ", problems));
            }
            return new AuditOptions(this);
        }
    }
}
