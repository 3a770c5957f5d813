package io.unlearn.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.schemas.CompatibilityLevel;
import io.unlearn.schemas.ContractException;
import io.unlearn.schemas.EventContract;
import io.unlearn.schemas.InstallSummary;
import io.unlearn.schemas.ProvisioningReport;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topic;
import io.unlearn.schemas.TopicDrift;
import io.unlearn.schemas.TopicProvisioner;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Topic provisioning and contract installation against the real broker and registry. */
@ExtendWith(LocalStackExtension.class)
@Timeout(120)
class ProvisionerIT {

    @Test
    void provisioningIsIdempotentAndReportsDrift(LocalStack stack) throws Exception {
        String prefix = "it.prov." + UUID.randomUUID().toString().substring(0, 8) + ".";
        List<Topic<?, ?>> catalogue = Topics.ALL.stream().<Topic<?, ?>>map(t -> t.withName(prefix + t.name())).toList();
        try (Admin admin = Clients.admin(stack)) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, Duration.ofSeconds(30));
            ProvisioningReport first = provisioner.provision(catalogue);
            assertThat(first.created()).hasSize(9);
            ProvisioningReport second = provisioner.provision(catalogue);
            assertThat(second.created()).isEmpty();
            assertThat(second.unchanged()).hasSize(9);
            assertThat(second.hasDrift()).isFalse();

            String status = prefix + Topics.REQUEST_STATUS.name();
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, status),
                    List.of(new AlterConfigOp(new ConfigEntry("retention.ms", "86400000"), AlterConfigOp.OpType.SET))))
                    .all().get();
            Topic<?, ?> narrow = Topics.SAMPLES.withName(prefix + "narrow");
            admin.createTopics(List.of(new NewTopic(narrow.name(), 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact", "retention.ms", "-1")))).all().get();

            List<Topic<?, ?>> withNarrow = new java.util.ArrayList<>(catalogue);
            withNarrow.add(narrow);
            ProvisioningReport drifted = provisioner.provision(withNarrow);
            assertThat(drifted.created()).isEmpty();
            assertThat(drifted.unchanged()).hasSize(8);
            assertThat(drifted.drift()).extracting(TopicDrift::describe).containsExactlyInAnyOrder(
                    status + ": retention.ms is 86400000, expected -1. Fix: kafka-configs.sh --bootstrap-server"
                            + " <broker> --alter --entity-type topics --entity-name " + status
                            + " --add-config retention.ms=-1",
                    narrow.name() + ": partitions is 1, expected 3. Fix: kafka-topics.sh --bootstrap-server"
                            + " <broker> --alter --topic " + narrow.name() + " --partitions 3 (keys then hash to"
                            + " other partitions: do it before data arrives)");
            assertThatThrownBy(drifted::requireNoDrift).isInstanceOf(ContractException.class)
                    .hasMessageContaining("nothing was changed").hasMessageContaining(status + ": retention.ms");
        }
    }

    @Test
    void theContractInstallsInOneIdempotentCall(LocalStack stack) {
        SchemaRegistryClient registry = SchemaRegistryClient.create(stack.registryUrl());
        Map<String, Object> adminProps = Clients.adminProps(stack.bootstrapServers());
        InstallSummary first = EventContract.install(adminProps, registry);
        assertThat(first.topics().created().size() + first.topics().unchanged().size()).isEqualTo(9);
        assertThat(first.topics().hasDrift()).isFalse();
        assertThat(first.compatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(first.schemaIds()).hasSize(8).containsKey("unlearn.requests.deletion-value");

        InstallSummary second = EventContract.install(adminProps, SchemaRegistryClient.create(stack.registryUrl()));
        assertThat(second.topics().created()).isEmpty();
        assertThat(second.topics().unchanged()).hasSize(9);
        assertThat(second.schemaIds()).isEqualTo(first.schemaIds());
        assertThat(second.describe()).contains("0 created, 9 unchanged, 0 drift")
                .contains("compatibility BACKWARD").contains("8 subjects registered");
    }

    @Test
    void anUnreachableBrokerFailsWithinTheTimeout() {
        Admin admin = Admin.create(Clients.adminProps("127.0.0.1:1"));
        try {
            assertThatThrownBy(() -> new TopicProvisioner(admin, Duration.ofSeconds(2)).provision(Topics.ALL))
                    .isInstanceOf(ContractException.class).hasMessageContaining("did not answer within 2000 ms");
        } finally {
            admin.close(Duration.ZERO);
        }
    }
}
