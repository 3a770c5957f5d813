package io.unlearn.runtime;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;

/**
 * The transactional side of a consume-transform-produce loop: one producer with a stable transactional.id and the
 * group consumer whose offsets it commits (KIP-447: {@code sendOffsetsToTransaction} with the consumer's group
 * metadata, so a zombie of an old generation cannot commit). {@link #run} wraps work in ONE transaction: either
 * every record sent and every offset in it becomes visible to read_committed readers, or none does.
 * <ul>
 *   <li>fenced by a newer instance with the same transactional.id: {@link FatalServiceException} (this instance
 *       must stop; the other one carries on);</li>
 *   <li>any other Kafka error: the transaction is aborted and {@link RetriableServiceException} thrown (the loop
 *       stops; a restart resumes from the last committed offsets).</li>
 * </ul>
 * Used by the loop thread only.
 */
public final class Transactions<K, V> implements AutoCloseable {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private final Producer<K, V> producer;
    private final Consumer<?, ?> consumer;
    private final String service;
    private final String resumePoint;

    /**
     * @param service     who publishes, for messages, e.g. {@code worker}
     * @param resumePoint what a restart resumes from, e.g. {@code batch}: "... resumes from the last committed batch"
     */
    public Transactions(Producer<K, V> producer, Consumer<?, ?> consumer, String service, String resumePoint) {
        this.producer = producer;
        this.consumer = consumer;
        this.service = service;
        this.resumePoint = resumePoint;
    }

    /** Registers the transactional.id, fencing any predecessor and aborting its open transaction. */
    public void init() {
        producer.initTransactions();
    }

    /** Runs {@code work} (which calls {@link #send} and {@link #sendOffsets}) inside one transaction and commits it. */
    public void run(Runnable work) {
        try {
            producer.beginTransaction();
            work.run();
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw new FatalServiceException("this " + service + " was fenced by a newer instance with the same transactional id; "
                    + "stopping", e);
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException ignored) {
                // the original error is what matters; the broker times the transaction out anyway
            }
            throw new RetriableServiceException("a " + service + " transaction failed and was aborted (" + e.getMessage()
                    + "); stopping so that a restart resumes from the last committed " + resumePoint, e);
        }
    }

    /** Sends one record; inside {@link #run} only. */
    public void send(ProducerRecord<K, V> record) {
        producer.send(record);
    }

    /** Sends one record built from its parts; inside {@link #run} only. */
    public void send(String topic, K key, V value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    /** Adds the consumer's next offsets to the transaction; inside {@link #run} only. */
    public void sendOffsets(Map<TopicPartition, OffsetAndMetadata> offsets) {
        producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
    }

    /** Commits {@code offsets} in a transaction of their own (records that needed no output). */
    public void commitOffsets(Map<TopicPartition, OffsetAndMetadata> offsets) {
        run(() -> sendOffsets(offsets));
    }

    /** Closes the producer, waiting up to 5 s for records in flight. */
    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
