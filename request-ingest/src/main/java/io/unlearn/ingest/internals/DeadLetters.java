package io.unlearn.ingest.internals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.unlearn.schemas.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends a record's original key and value bytes to the dead-letter topic with the reason in headers. */
final class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_HEADER_CHARS = 4000;
    private final String service;
    private final Counter counter;

    DeadLetters(String service, MeterRegistry meters) {
        this.service = service;
        this.counter = meters.counter("unlearn.ingest.dead.letters");
    }

    void send(ProcessorContext<Object, Object> context, Record<byte[], byte[]> record, RecordMetadata origin,
              String reason, Exception cause) {
        Headers headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        put(headers, DeadLetterHeaders.REASON, reason);
        put(headers, DeadLetterHeaders.EXCEPTION, cause == null ? "validation" : cause.getClass().getName());
        put(headers, DeadLetterHeaders.SOURCE_TOPIC, origin.topic());
        put(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(origin.partition()));
        put(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(origin.offset()));
        put(headers, DeadLetterHeaders.SERVICE, service);
        put(headers, DeadLetterHeaders.FAILED_AT, Long.toString(context.currentSystemTimeMs()));
        context.forward(new Record<Object, Object>(record.key(), record.value(), record.timestamp(), headers), IngestSinks.DEAD_LETTERS);
        counter.increment();
        log.debug("Dead-lettered {}-{}@{}: {}", origin.topic(), origin.partition(), origin.offset(), reason);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        String text = value.length() > MAX_HEADER_CHARS ? value.substring(0, MAX_HEADER_CHARS) + "…" : value;
        headers.add(name, text.getBytes(StandardCharsets.UTF_8));
    }
}
