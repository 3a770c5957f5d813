package io.unlearn.ingest.internals;

import io.unlearn.schemas.DeadLetterHeaders;
import io.unlearn.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For the sources Kafka Streams deserializes itself (the catalogue, forgotten samples, model versions,
 * statuses): a record that cannot be read ({@link SerializationException}) is dead-lettered with its
 * original bytes and skipped; anything else (the registry unreachable) fails the thread, which is replaced
 * and retries the record, so a good record is never dropped during an outage.
 */
public final class BadDataDeadLetterHandler implements DeserializationExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(BadDataDeadLetterHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (!(exception instanceof SerializationException)) {
            log.error("Cannot deserialize {}-{}@{} for a reason other than bad data; failing so it is retried",
                    record.topic(), record.partition(), record.offset(), exception);
            return Response.fail();
        }
        log.warn("Dead-lettering unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                exception.getMessage());
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        Map.of(DeadLetterHeaders.REASON, "undecodable value: " + exception.getMessage(),
                DeadLetterHeaders.EXCEPTION, exception.getClass().getName(),
                DeadLetterHeaders.SOURCE_TOPIC, record.topic(),
                DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(record.partition()),
                DeadLetterHeaders.SOURCE_OFFSET, Long.toString(record.offset()),
                DeadLetterHeaders.SERVICE, IntakeProcessor.SERVICE,
                DeadLetterHeaders.FAILED_AT, Long.toString(System.currentTimeMillis()))
                .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return Response.resume(List.of(new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null, record.key(), record.value(), headers)));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }
}
