package io.unlearn.evaluator.internals;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.RequestStatus;
import io.unlearn.runtime.DeadLetters;
import io.unlearn.runtime.EventSigner;
import io.unlearn.runtime.Transactions;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Every write of the evaluator, each in ONE Kafka transaction: a basic report with VERIFIED/ESCALATING/FAILED/AWAITING_EVIDENCE for every
 * request the version applied (and the decision for earlier requests that awaited evidence) and the consumed offset; a challenge report; a dead letter with its offset; a bare
 * offset commit for a skipped record. Every report is signed with the evaluator's key ({@link EventSigner}) as it is
 * sent. Used by the loop thread only. A Kafka error aborts the transaction and
 * stops the instance; a restart resumes from the last committed version.
 */
final class ReportPublisher implements AutoCloseable {
    private final Transactions<String, byte[]> tx;
    private final Serializer<EvaluationReport> reports;
    private final Serializer<RequestStatus> statuses;
    private final Clock clock;
    private final EventSigner signer;

    ReportPublisher(Producer<String, byte[]> producer, Consumer<String, byte[]> consumer, SchemaRegistryClient registry,
                    EventSigner signer, Clock clock) {
        this.clock = clock;
        this.signer = signer;
        this.tx = new Transactions<>(producer, consumer, "evaluator", "version");
        this.reports = EventSerdes.serde(EvaluationReport.class, registry).serializer();
        this.statuses = EventSerdes.serde(RequestStatus.class, registry).serializer();
    }

    void init() {
        tx.init();
    }

    /** A basic report with the statuses it decides ({@link Reports#basicStatuses}, less the settled ones) and the offset. */
    void basic(EvaluationReport report, List<RequestStatus> statuses, Map<TopicPartition, OffsetAndMetadata> offsets) {
        tx.run(() -> {
            tx.send(Topics.EVALUATION_REPORTS.name(), report.getVersionId(), reports.serialize(Topics.EVALUATION_REPORTS.name(), signer.sign(report)));
            statuses.forEach(this::send);
            tx.sendOffsets(offsets);
        });
    }

    private void send(RequestStatus s) {
        tx.send(Topics.REQUEST_STATUS.name(), s.getRequestId(), statuses.serialize(Topics.REQUEST_STATUS.name(), s));
    }

    /** A report that decides no request (a version superseded before it was judged), with the offset. */
    void reportOnly(EvaluationReport report, Map<TopicPartition, OffsetAndMetadata> offsets) {
        tx.run(() -> {
            tx.send(Topics.EVALUATION_REPORTS.name(), report.getVersionId(), reports.serialize(Topics.EVALUATION_REPORTS.name(), signer.sign(report)));
            tx.sendOffsets(offsets);
        });
    }

    /** A challenge report with the statuses it decides (ESCALATING when it rejected a version whose requests awaited evidence). */
    void challenge(EvaluationReport report, List<RequestStatus> statuses) {
        tx.run(() -> {
            tx.send(Topics.EVALUATION_REPORTS.name(), report.getVersionId(), reports.serialize(Topics.EVALUATION_REPORTS.name(), signer.sign(report)));
            statuses.forEach(this::send);
        });
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
