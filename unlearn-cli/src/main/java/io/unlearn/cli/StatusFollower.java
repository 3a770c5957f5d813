package io.unlearn.cli;

import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.RequestLifecycle;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Prints the status events of one request from unlearn.requests.status until a final state, AWAITING_EVIDENCE (a resting
 * state: nothing moves until later deletions of the same model are applied and judged) or a timeout.
 */
final class StatusFollower {
    private final Map<String, Object> clientProps;
    private final SchemaRegistryClient registry;

    StatusFollower(Map<String, Object> clientProps, SchemaRegistryClient registry) {
        this.clientProps = clientProps;
        this.registry = registry;
    }

    /**
     * @param until stop when the request reaches this state (null: a final state)
     * @return the last status seen, or null when none arrived in time
     */
    RequestStatus follow(String requestId, RequestState until, Duration timeout, PrintStream out) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "unlearn-cli-follow-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        RequestStatus last = null;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, RequestStatus> consumer = new KafkaConsumer<>(props, EventSerdes.keySerde().deserializer(),
                EventSerdes.serde(RequestStatus.class, registry).deserializer())) {
            consumer.subscribe(List.of(Topics.REQUEST_STATUS.name()));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, RequestStatus> r : consumer.poll(Duration.ofMillis(500))) {
                    if (requestId.equals(r.key())) {
                        last = r.value();
                        out.println(last.getOccurredAt() + " " + last.getState() + " by " + last.getEmittedBy()
                                + (last.getReason() == null ? "" : ": " + last.getReason()));
                        if (last.getState() == until || RequestLifecycle.isTerminal(last.getState())) {
                            return last;
                        }
                        if (until == null && last.getState() == RequestState.AWAITING_EVIDENCE) {
                            out.println("(awaiting evidence: the request is applied, but its samples are too few for the evaluator to decide;"
                                    + " a later version of " + last.getModelId() + " decides it (GET /v1/requests/{id} on request-ingest shows it))");
                            return last;
                        }
                    }
                }
            }
        }
        out.println("(no final state within " + timeout + "; last: " + (last == null ? "none" : last.getState()) + ")");
        return last;
    }
}
