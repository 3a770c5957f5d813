package io.unlearn.it;

import io.unlearn.demo.DemoChaos;
import io.unlearn.demo.DemoCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same scenario against the images docker/compose.yaml uses for the infrastructure (Apache Kafka in KRaft mode,
 * Apicurio Registry), started by Testcontainers; the services run in this JVM from the same code the service images
 * package (their commands are checked by DockerComposeConfigTest). Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersEndToEndIT extends EndToEndScenario {
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.1"));

    @Container
    static final GenericContainer<?> REGISTRY = new GenericContainer<>(DockerImageName.parse("apicurio/apicurio-registry:3.3.3"))
            .withExposedPorts(8080).waitingFor(Wait.forHttp("/apis/ccompat/v7/subjects").forPort(8080));

    @Test
    void requestsInCertifiedVersionsOutAndTheAuditVerifies(@TempDir Path dir) throws Exception {
        String registry = "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8080) + "/apis/ccompat/v7";
        assertVerified(run(new DemoCluster(KAFKA.getBootstrapServers(), registry, null), "e2e-containers", dir, false, DemoChaos.NONE));
    }
}
