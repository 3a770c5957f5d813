package io.unlearn.runtime;

import io.unlearn.schemas.DeadLetterHeaders;
import io.unlearn.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Dead letters of the consumer-loop services: the original key and value, to {@code unlearn.requests.dlq}, with the
 * reason, the exception, the origin (topic, partition, offset), the service and the time in the headers named by
 * {@link DeadLetterHeaders}. The loop sends it in the same transaction as the offset past the record.
 */
public final class DeadLetters {
    private DeadLetters() {
    }

    /**
     * @param reason what was wrong and what to do, e.g. "unreadable model version, not evaluated: ...; republish it"
     * @param why    the exception that made the record unusable
     */
    public static <K> ProducerRecord<K, byte[]> of(ConsumerRecord<K, byte[]> r, String reason, Exception why, String service,
                                                   Instant at) {
        ProducerRecord<K, byte[]> dlq = new ProducerRecord<>(Topics.DEAD_LETTERS.name(), r.key(), r.value());
        header(dlq, DeadLetterHeaders.REASON, reason);
        header(dlq, DeadLetterHeaders.EXCEPTION, why.getClass().getName());
        header(dlq, DeadLetterHeaders.SOURCE_TOPIC, r.topic());
        header(dlq, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(r.partition()));
        header(dlq, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(r.offset()));
        header(dlq, DeadLetterHeaders.SERVICE, service);
        header(dlq, DeadLetterHeaders.FAILED_AT, at.toString());
        return dlq;
    }

    private static void header(ProducerRecord<?, ?> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
