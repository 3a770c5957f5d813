package io.unlearn.cli.security;

import static io.unlearn.cli.security.ServicePrincipal.AUDITOR;
import static io.unlearn.cli.security.ServicePrincipal.EVALUATOR;
import static io.unlearn.cli.security.ServicePrincipal.REQUEST_INGEST;
import static io.unlearn.cli.security.ServicePrincipal.WORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.schemas.Topic;
import io.unlearn.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The secured stack on the real broker: every principal reads and writes exactly the topics of the ACL table (written
 * out here, not derived from {@link ServiceAcls}), a forged version event from a non-worker never reaches the versions
 * topic. Refusals, credentials and the real ingest service under ACLs: {@link SecureStackRefusalsIT}.
 */
class SecureStackIT {
    static final Map<ServicePrincipal, Set<Topic<?, ?>>> WRITES = Map.of(
            REQUEST_INGEST, Set.of(Topics.ACCEPTED_REQUESTS, Topics.REQUEST_STATUS, Topics.DEAD_LETTERS,
                    Topics.DELETION_REQUESTS, Topics.CONCEPT_REQUESTS),
            WORKER, Set.of(Topics.MODEL_VERSIONS, Topics.FORGOTTEN_SAMPLES, Topics.REQUEST_STATUS, Topics.DEAD_LETTERS),
            EVALUATOR, Set.of(Topics.EVALUATION_REPORTS, Topics.REQUEST_STATUS, Topics.DEAD_LETTERS),
            AUDITOR, Set.of());
    static final Map<ServicePrincipal, Set<Topic<?, ?>>> READS = Map.of(
            REQUEST_INGEST, Set.of(Topics.DELETION_REQUESTS, Topics.CONCEPT_REQUESTS, Topics.SAMPLES,
                    Topics.FORGOTTEN_SAMPLES, Topics.MODEL_VERSIONS, Topics.REQUEST_STATUS),
            WORKER, Set.of(Topics.ACCEPTED_REQUESTS, Topics.EVALUATION_REPORTS, Topics.FORGOTTEN_SAMPLES,
                    Topics.MODEL_VERSIONS, Topics.REQUEST_STATUS),
            EVALUATOR, Set.of(Topics.MODEL_VERSIONS, Topics.EVALUATION_REPORTS, Topics.FORGOTTEN_SAMPLES, Topics.REQUEST_STATUS),
            AUDITOR, Set.copyOf(Topics.ALL));

    @Test
    void everyPrincipalWritesExactlyTheTopicsOfTheAclTable() {
        for (ServicePrincipal p : ServicePrincipal.values()) {
            for (Topic<?, ?> t : Topics.ALL) {
                boolean allowed = WRITES.get(p).contains(t);
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(SecuredStack.clientOf(p), new StringSerializer(),
                        new StringSerializer())) {
                    java.util.concurrent.Future<?> sending;
                    try {
                        sending = producer.send(new ProducerRecord<>(t.name(), "probe-" + p.userName(), "probe"));
                    } catch (org.apache.kafka.common.KafkaException e) {
                        // a producer whose producer-id request was already refused fails send() itself instead of its
                        // future (timing): the refusal is its cause, checked below like a failed future's
                        sending = java.util.concurrent.CompletableFuture.failedFuture(e.getCause() != null ? e.getCause() : e);
                    }
                    java.util.concurrent.Future<?> sent = sending;
                    if (allowed) {
                        assertThat(sent).as(p + " writes " + t.name()).succeedsWithin(Duration.ofSeconds(15));
                    } else if (WRITES.get(p).isEmpty()) {
                        // No WRITE anywhere: not even an idempotent producer id (cluster IDEMPOTENT_WRITE) is granted.
                        assertThatThrownBy(() -> sent.get(15, TimeUnit.SECONDS)).as(p + " must not write " + t.name())
                                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ClusterAuthorizationException.class);
                    } else {
                        assertThatThrownBy(() -> sent.get(15, TimeUnit.SECONDS)).as(p + " must not write " + t.name())
                                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class)
                                .hasMessageContaining(t.name());
                    }
                }
            }
        }
    }

    @Test
    void everyPrincipalReadsExactlyTheTopicsOfTheAclTable() {
        for (ServicePrincipal p : ServicePrincipal.values()) {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(SecuredStack.clientOf(p), new StringDeserializer(),
                    new StringDeserializer())) {
                for (Topic<?, ?> t : Topics.ALL) {
                    if (READS.get(p).contains(t)) {
                        consumer.assign(List.of(new TopicPartition(t.name(), 0)));
                        consumer.seekToBeginning(consumer.assignment());
                        consumer.poll(Duration.ofMillis(300));
                        assertThat(consumer.position(new TopicPartition(t.name(), 0))).as(p + " reads " + t.name()).isNotNegative();
                    } else {
                        assertThatThrownBy(() -> {
                            consumer.assign(List.of(new TopicPartition(t.name(), 0)));
                            consumer.poll(Duration.ofSeconds(5));
                        }).as(p + " must not read " + t.name()).isInstanceOf(TopicAuthorizationException.class);
                    }
                    consumer.unsubscribe();
                }
            }
        }
    }

    @Test
    void aForgedVersionFromTheEvaluatorOrTheAuditorNeverReachesTheVersionsTopic() throws Exception {
        String run = UUID.randomUUID().toString();
        for (ServicePrincipal forger : List.of(EVALUATOR, AUDITOR, REQUEST_INGEST)) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(SecuredStack.clientOf(forger), new StringSerializer(),
                    new StringSerializer())) {
                var sent = producer.send(new ProducerRecord<>(Topics.MODEL_VERSIONS.name(), "forged-" + run, "a forged version"));
                assertThatThrownBy(() -> sent.get(15, TimeUnit.SECONDS)).cause().isInstanceOf(AuthorizationException.class);
            }
        }
        try (KafkaProducer<String, String> worker = new KafkaProducer<>(SecuredStack.clientOf(WORKER), new StringSerializer(),
                new StringSerializer())) {
            worker.send(new ProducerRecord<>(Topics.MODEL_VERSIONS.name(), "genuine-" + run, "the worker's")).get(15, TimeUnit.SECONDS);
        }
        var keys = SecureClients.readToEnd(SecuredStack.clientOf(AUDITOR), Topics.MODEL_VERSIONS.name()).stream()
                .map(r -> r.key()).toList();
        assertThat(keys).as("the worker's record proves the read reached it").contains("genuine-" + run)
                .doesNotContain("forged-" + run);
    }
}
