package io.unlearn.evaluator.internals;

import io.unlearn.evaluator.EvaluatorException;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.RequestStatus;
import io.unlearn.schemas.DeadLetterHeaders;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.Topics;
import io.unlearn.schemas.registry.SchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Every write of the evaluator, each in ONE Kafka transaction: a basic report with VERIFIED/FAILED for every
 * request the version applied and the consumed offset; a challenge report; a dead letter with its offset; a bare
 * offset commit for a skipped record. Used by the loop thread only. A Kafka error aborts the transaction and
 * stops the instance; a restart resumes from the last committed version.
 */
final class ReportPublisher implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Serializer<EvaluationReport> reports;
    private final Serializer<RequestStatus> statuses;
    private final Clock clock;

    ReportPublisher(KafkaProducer<String, byte[]> producer, KafkaConsumer<String, byte[]> consumer, SchemaRegistryClient registry, Clock clock) {
        this.producer = producer;
        this.consumer = consumer;
        this.reports = EventSerdes.serde(EvaluationReport.class, registry).serializer();
        this.statuses = EventSerdes.serde(RequestStatus.class, registry).serializer();
        this.clock = clock;
    }

    void init() {
        producer.initTransactions();
    }

    void basic(EvaluationReport report, Map<TopicPartition, OffsetAndMetadata> offsets) {
        inTransaction(() -> {
            send(Topics.EVALUATION_REPORTS.name(), report.getVersionId(), reports.serialize(Topics.EVALUATION_REPORTS.name(), report));
            for (String requestId : report.getAppliedRequestIds()) {
                RequestStatus s = Reports.status(report, requestId, clock.instant());
                send(Topics.REQUEST_STATUS.name(), requestId, statuses.serialize(Topics.REQUEST_STATUS.name(), s));
            }
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
        });
    }

    void challenge(EvaluationReport report) {
        inTransaction(() -> send(Topics.EVALUATION_REPORTS.name(), report.getVersionId(),
                reports.serialize(Topics.EVALUATION_REPORTS.name(), report)));
    }

    void deadLetter(ConsumerRecord<String, byte[]> r, Exception why, Map<TopicPartition, OffsetAndMetadata> offsets) {
        inTransaction(() -> {
            ProducerRecord<String, byte[]> dlq = new ProducerRecord<>(Topics.DEAD_LETTERS.name(), r.key(), r.value());
            header(dlq, DeadLetterHeaders.REASON, "unreadable model version, not evaluated: " + why.getMessage()
                    + "; republish it in the ModelVersion contract");
            header(dlq, DeadLetterHeaders.EXCEPTION, why.getClass().getName());
            header(dlq, DeadLetterHeaders.SOURCE_TOPIC, r.topic());
            header(dlq, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(r.partition()));
            header(dlq, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(r.offset()));
            header(dlq, DeadLetterHeaders.SERVICE, Reports.SERVICE);
            header(dlq, DeadLetterHeaders.FAILED_AT, clock.instant().toString());
            producer.send(dlq);
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
        });
    }

    void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        inTransaction(() -> producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata()));
    }

    private static void header(ProducerRecord<String, byte[]> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void send(String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    private void inTransaction(Runnable work) {
        try {
            producer.beginTransaction();
            work.run();
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw new EvaluatorException("this evaluator was fenced by a newer instance with the same transactional id; stopping", e);
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException ignored) {
                // the original error is what matters; the broker times the transaction out anyway
            }
            throw new EvaluatorException("an evaluator transaction failed and was aborted (" + e.getMessage()
                    + "); stopping so that a restart resumes from the last committed version", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
