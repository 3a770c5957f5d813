package io.unlearn.cli.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.DeletionRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.ingest.IngestConfig;
import io.unlearn.ingest.IngestService;
import io.unlearn.runtime.ServiceProps;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The real request-ingest service (Kafka Streams, exactly-once) on the secured stack with nothing but its own
 * client-config file, taken as the launcher's {@code --client-config} takes it: it consumes a request, keeps its
 * internal topics and transactions under its application id, and answers with a status the auditor can read.
 */
class SecureIngestIT {

    @Test
    void ingestRunsWithItsOwnCredentialsAndAnswersARequest() throws Exception {
        LocalStack stack = SecuredStack.get();
        SchemaRegistryClient registry = SecuredStack.registryOf(ServicePrincipal.REQUEST_INGEST);
        Map<String, Object> props = ServiceProps.merge(
                Map.of("bootstrap.servers", stack.bootstrapServers(), "schema.registry.url", stack.registryUrl()),
                stack.clientConfigFile(ServicePrincipal.REQUEST_INGEST.userName()).orElseThrow(), null,
                Map.of(IngestConfig.STATE_DIR, Files.createTempDirectory("secure-ingest-state").toString(),
                        IngestConfig.HTTP_ENABLED, "false"));
        String requestId = "secure-" + UUID.randomUUID();
        try (IngestService ingest = IngestService.start(IngestConfig.of(props), Clock.systemUTC(), Duration.ofSeconds(60))) {
            Instant now = Instant.now();
            DeletionRequest request = DeletionRequest.newBuilder().setRequestId(requestId).setRequester("compliance")
                    .setModelId("no-such-model").setLegalBasis(LegalBasis.GDPR_ART_17).setSampleIds(List.of("s1"))
                    .setReceivedAt(now.minusSeconds(5)).setDeadline(now.plus(Duration.ofDays(30))).build();
            try (KafkaProducer<String, DeletionRequest> producer = new KafkaProducer<>(
                    SecuredStack.clientOf(ServicePrincipal.REQUEST_INGEST), new StringSerializer(),
                    EventSerdes.serde(DeletionRequest.class, registry).serializer())) {
                producer.send(new ProducerRecord<>(Topics.DELETION_REQUESTS.name(), requestId, request)).get(15, TimeUnit.SECONDS);
            }
            Optional<RequestStatus> status = Optional.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (status.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(500);
                status = SecureClients.readToEnd(SecuredStack.clientOf(ServicePrincipal.AUDITOR), Topics.REQUEST_STATUS.name())
                        .stream().filter(r -> requestId.equals(r.key()))
                        .map(r -> EventSerdes.serde(RequestStatus.class, registry).deserializer()
                                .deserialize(Topics.REQUEST_STATUS.name(), r.value()))
                        .filter(s -> s.getState() == RequestState.REJECTED).findFirst();
            }
            assertThat(status).as("request-ingest answered " + requestId + " under its ACLs").isPresent();
            assertThat(status.get().getReason()).contains("unknown model 'no-such-model'");
        }
    }
}
