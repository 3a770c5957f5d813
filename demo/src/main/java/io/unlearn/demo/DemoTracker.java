package io.unlearn.demo;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.RequestLifecycle;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows what the system publishes (committed records only) while the demo runs: every request's statuses,
 * every version, every evaluation report (basic, then with its worst-case challenge). Polled from the demo's
 * thread; not thread-safe.
 */
final class DemoTracker implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<RequestStatus> statusValues;
    private final Deserializer<ModelVersion> versionValues;
    private final Deserializer<EvaluationReport> reportValues;
    final Map<String, List<RequestStatus>> statuses = new LinkedHashMap<>();
    final Map<String, ModelVersion> versions = new LinkedHashMap<>();
    final Map<String, EvaluationReport> basicReports = new LinkedHashMap<>();
    final Map<String, EvaluationReport> challengeReports = new LinkedHashMap<>();
    final Map<String, Instant> publishedAt = new HashMap<>();

    private final String modelId;

    /** @param modelId the model whose versions and reports are followed (a shared cluster holds others too) */
    DemoTracker(Map<String, Object> clientProps, SchemaRegistryClient registry, String modelId) {
        this.modelId = modelId;
        Map<String, Object> p = new HashMap<>(clientProps);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "unlearn-demo-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.statusValues = EventSerdes.serde(RequestStatus.class, registry).deserializer();
        this.versionValues = EventSerdes.serde(ModelVersion.class, registry).deserializer();
        this.reportValues = EventSerdes.serde(EvaluationReport.class, registry).deserializer();
        consumer.subscribe(List.of(Topics.REQUEST_STATUS.name(), Topics.MODEL_VERSIONS.name(), Topics.EVALUATION_REPORTS.name()));
    }

    /** A tracker without a consumer, filled by {@link #add} calls: for tests of what is computed from the events. */
    DemoTracker(String modelId) {
        this.modelId = modelId;
        this.consumer = null;
        this.statusValues = null;
        this.versionValues = null;
        this.reportValues = null;
    }

    /** Reads what arrived within {@code timeout}; @return how many records that was */
    int poll(Duration timeout) {
        ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.value() == null) {
                continue;
            }
            if (r.topic().equals(Topics.REQUEST_STATUS.name())) {
                add(statusValues.deserialize(r.topic(), r.value()));
            } else if (r.topic().equals(Topics.MODEL_VERSIONS.name())) {
                add(versionValues.deserialize(r.topic(), r.value()));
            } else {
                add(reportValues.deserialize(r.topic(), r.value()));
            }
        }
        return records.count();
    }

    /** Polls until a poll of {@code quiet} brings nothing new: everything committed so far has been read. */
    void catchUp(Duration quiet) {
        while (poll(quiet) > 0) {
            // keep reading
        }
    }

    void add(RequestStatus s) {
        statuses.computeIfAbsent(s.getRequestId(), k -> new ArrayList<>()).add(s);
    }

    void add(ModelVersion v) {
        if (v.getModelId().equals(modelId)) {
            versions.put(v.getVersionId(), v);
        }
    }

    void add(EvaluationReport e) {
        if (e.getModelId().equals(modelId)) {
            (e.getWorstCase() == null ? basicReports : challengeReports).put(e.getVersionId(), e);
        }
    }

    /**
     * UNLEARNED versions with a basic report whose worst-case challenge has not reported yet, except those an escalation
     * superseded (their challenge is skipped, or its result no longer decides anything).
     */
    long pendingChallenges() {
        Set<String> superseded = new java.util.HashSet<>();
        versions.values().forEach(v -> superseded.addAll(v.getSupersedes()));
        return versions.values().stream().filter(v -> v.getKind() == ModelVersionKind.UNLEARNED)
                .filter(v -> basicReports.containsKey(v.getVersionId()))
                .filter(v -> !challengeReports.containsKey(v.getVersionId()) && !superseded.contains(v.getVersionId())).count();
    }

    /** The request's latest state, or null before its first status. */
    RequestState state(String requestId) {
        List<RequestStatus> s = statuses.get(requestId);
        return s == null || s.isEmpty() ? null : s.get(s.size() - 1).getState();
    }

    boolean terminal(String requestId) {
        RequestState s = state(requestId);
        return s != null && RequestLifecycle.isTerminal(s);
    }

    /**
     * Whether nothing can change any more for these requests: each is terminal, or awaits evidence while no request is in
     * flight and every version has its basic report (only a later version, which the stream no longer brings, decides it).
     */
    boolean settled(Collection<String> requestIds) {
        boolean inFlight = requestIds.stream().anyMatch(id -> !terminal(id) && state(id) != RequestState.AWAITING_EVIDENCE);
        boolean awaiting = requestIds.stream().anyMatch(id -> state(id) == RequestState.AWAITING_EVIDENCE);
        return !inFlight && (!awaiting || basicReports.keySet().containsAll(versions.keySet()));
    }

    /** Seconds from the demo publishing the request to its terminal status; NaN while it is not terminal. */
    double latencySeconds(String requestId) {
        Instant sent = publishedAt.get(requestId);
        if (sent == null || !terminal(requestId)) {
            return Double.NaN;
        }
        List<RequestStatus> s = statuses.get(requestId);
        return Duration.between(sent, s.get(s.size() - 1).getOccurredAt()).toMillis() / 1000.0;
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
