package io.unlearn.audit.internals;

import io.unlearn.audit.AuditException;
import io.unlearn.audit.AuditLog;
import io.unlearn.runtime.RetriableServiceException;
import io.unlearn.runtime.TopicReader;
import io.unlearn.runtime.TopicTail;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topic;
import io.unlearn.schemas.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the audited topics from the beginning to their end at the time of the call, committed records
 * only ({@code read_committed}: an aborted transaction's version never counts), with no consumer group
 * (nothing is committed, any number of auditors may run), through the services' own whole-topic reader
 * ({@link TopicReader}). A record that does not decode becomes a finding instead of stopping the audit; tombstones
 * are skipped.
 */
public final class AuditLogReader {
    private final TopicReader reader;
    private final List<String> undecodable = new ArrayList<>();
    private long newest = Long.MIN_VALUE;

    private AuditLogReader(TopicReader reader) {
        this.reader = reader;
    }

    /**
     * @param clientProps Kafka client settings (bootstrap.servers, security)
     * @param registry    the schema registry the records' schema ids refer to
     * @throws AuditException when a topic cannot be read (brokers unreachable, no right to read it)
     */
    public static AuditLog read(Map<String, Object> clientProps, SchemaRegistryClient registry) {
        AuditLogReader r = new AuditLogReader(new TopicReader(clientProps, registry));
        return new AuditLog(r.read(Topics.MODEL_VERSIONS), r.read(Topics.ACCEPTED_REQUESTS), r.read(Topics.REQUEST_STATUS),
                r.read(Topics.FORGOTTEN_SAMPLES), r.read(Topics.EVALUATION_REPORTS), r.undecodable,
                r.newest == Long.MIN_VALUE ? null : Instant.ofEpochMilli(r.newest));
    }

    private <V> List<V> read(Topic<String, V> topic) {
        List<V> out = new ArrayList<>();
        try (TopicTail<String, V> tail = reader.tail(topic)) {
            tail.catchUp(record -> {
                newest = Math.max(newest, record.timestamp());
                out.add(record.value());
            }, (record, why) -> {
                newest = Math.max(newest, record.timestamp());
                undecodable.add(record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + why.getMessage());
            });
        } catch (RetriableServiceException e) {
            throw new AuditException(e.getMessage());
        }
        return out;
    }
}
