package io.unlearn.evaluator.internals;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.RequestStatus;
import io.unlearn.runtime.DeadLetters;
import io.unlearn.runtime.Transactions;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Every write of the evaluator, each in ONE Kafka transaction: a basic report with VERIFIED/FAILED for every
 * request the version applied and the consumed offset; a challenge report; a dead letter with its offset; a bare
 * offset commit for a skipped record. Used by the loop thread only. A Kafka error aborts the transaction and
 * stops the instance; a restart resumes from the last committed version.
 */
final class ReportPublisher implements AutoCloseable {
    private final Transactions<String, byte[]> tx;
    private final Serializer<EvaluationReport> reports;
    private final Serializer<RequestStatus> statuses;
    private final Clock clock;

    ReportPublisher(Producer<String, byte[]> producer, Consumer<String, byte[]> consumer, SchemaRegistryClient registry, Clock clock) {
        this.tx = new Transactions<>(producer, consumer, "evaluator", "version");
        this.reports = EventSerdes.serde(EvaluationReport.class, registry).serializer();
        this.statuses = EventSerdes.serde(RequestStatus.class, registry).serializer();
        this.clock = clock;
    }

    void init() {
        tx.init();
    }

    void basic(EvaluationReport report, Map<TopicPartition, OffsetAndMetadata> offsets) {
        tx.run(() -> {
            tx.send(Topics.EVALUATION_REPORTS.name(), report.getVersionId(), reports.serialize(Topics.EVALUATION_REPORTS.name(), report));
            for (String requestId : report.getAppliedRequestIds()) {
                RequestStatus s = Reports.status(report, requestId, clock.instant());
                tx.send(Topics.REQUEST_STATUS.name(), requestId, statuses.serialize(Topics.REQUEST_STATUS.name(), s));
            }
            tx.sendOffsets(offsets);
        });
    }

    void challenge(EvaluationReport report) {
        tx.run(() -> tx.send(Topics.EVALUATION_REPORTS.name(), report.getVersionId(),
                reports.serialize(Topics.EVALUATION_REPORTS.name(), report)));
    }

    void deadLetter(ConsumerRecord<String, byte[]> r, Exception why, Map<TopicPartition, OffsetAndMetadata> offsets) {
        tx.run(() -> {
            tx.send(DeadLetters.of(r, "unreadable model version, not evaluated: " + why.getMessage()
                    + "; republish it in the ModelVersion contract", why, Reports.SERVICE, clock.instant()));
            tx.sendOffsets(offsets);
        });
    }

    void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        tx.commitOffsets(offsets);
    }

    @Override
    public void close() {
        tx.close();
    }
}
