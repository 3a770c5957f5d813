package io.unlearn.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** One transaction per call: committed with its offsets; aborted and retriable on a Kafka error; fatal when fenced. */
class TransactionsTest {
    private static final TopicPartition P0 = new TopicPartition("in", 0);
    private final MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    private final Transactions<String, String> tx = new Transactions<>(producer, new MockConsumer<>("earliest"), "worker", "batch");

    @Test
    void recordsAndOffsetsCommitTogether() {
        tx.init();
        tx.run(() -> {
            tx.send("out", "k", "v");
            tx.sendOffsets(Map.of(P0, new OffsetAndMetadata(7)));
        });
        assertThat(producer.transactionCommitted()).isTrue();
        assertThat(producer.history()).hasSize(1);
        assertThat(producer.consumerGroupOffsetsHistory()).containsExactly(Map.of("dummy.group.id", Map.of(P0, new OffsetAndMetadata(7))));
    }

    @Test
    void aKafkaErrorAbortsAndIsRetriable() {
        tx.init();
        producer.commitTransactionException = new KafkaException("broker gone");
        assertThatThrownBy(() -> tx.run(() -> tx.send("out", "k", "v")))
                .isInstanceOf(RetriableServiceException.class)
                .hasMessageContaining("broker gone").hasMessageContaining("resumes from the last committed batch");
        assertThat(producer.transactionAborted()).isTrue();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void beingFencedIsFatal() {
        tx.init();
        producer.commitTransactionException = new ProducerFencedException("newer epoch");
        assertThatThrownBy(() -> tx.commitOffsets(Map.of(P0, new OffsetAndMetadata(1))))
                .isInstanceOf(FatalServiceException.class)
                .hasMessageContaining("this worker was fenced")
                .satisfies(e -> assertThat(((ServiceException) e).isRetriable()).isFalse());
    }
}
