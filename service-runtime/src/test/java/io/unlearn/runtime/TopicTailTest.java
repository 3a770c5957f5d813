package io.unlearn.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.ForgottenSample;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** A tail reads to the end, then only what came since; unreadable records and tombstones are skipped. */
class TopicTailTest {
    private static final String TOPIC = Topics.FORGOTTEN_SAMPLES.name();
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private final SchemaRegistryClient registry = SchemaRegistryClient.inMemory();
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

    @Test
    void catchesUpIncrementallySkippingWhatCannotBeRead() {
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), null, null)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        consumer.updateEndOffsets(Map.of(P0, 3L));
        List<ConsumerRecord<String, ForgottenSample>> seen = new ArrayList<>();
        try (TopicTail<String, ForgottenSample> tail = TopicTail.over(consumer, Topics.FORGOTTEN_SAMPLES, registry)) {
            consumer.schedulePollTask(() -> {
                consumer.addRecord(record(0, bytes("s1")));
                consumer.addRecord(record(1, "garbage".getBytes(StandardCharsets.UTF_8)));
                consumer.addRecord(record(2, null));
            });
            assertThat(tail.catchUp(seen::add)).isEqualTo(1);
            assertThat(seen).extracting(r -> r.value().getSampleId()).containsExactly("s1");
            assertThat(seen.get(0).key()).isEqualTo("m|s1");

            consumer.updateEndOffsets(Map.of(P0, 4L));
            consumer.schedulePollTask(() -> consumer.addRecord(record(3, bytes("s2"))));
            assertThat(tail.catchUp(seen::add)).as("only what came since").isEqualTo(1);
            assertThat(seen).extracting(r -> r.value().getSampleId()).containsExactly("s1", "s2");
        }
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void anAuditorGetsTheUnreadableRecordsInsteadOfALogLine() {
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), null, null)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        consumer.updateEndOffsets(Map.of(P0, 2L));
        List<String> unreadable = new ArrayList<>();
        try (TopicTail<String, ForgottenSample> tail = TopicTail.over(consumer, Topics.FORGOTTEN_SAMPLES, registry)) {
            consumer.schedulePollTask(() -> {
                consumer.addRecord(record(0, bytes("s1")));
                consumer.addRecord(record(1, "garbage".getBytes(StandardCharsets.UTF_8)));
            });
            assertThat(tail.catchUp(r -> { }, (r, why) -> unreadable.add(r.offset() + ": " + why.getMessage()))).isEqualTo(1);
        }
        assertThat(unreadable).singleElement().asString().startsWith("1: ");
    }

    private byte[] bytes(String sample) {
        ForgottenSample f = ForgottenSample.newBuilder().setSampleId(sample).setRequestId("r").setModelId("m").setVersionId("m@v2")
                .setSubjectId(null).setForgottenAt(Instant.EPOCH).build();
        return Topics.FORGOTTEN_SAMPLES.valueSerde(registry).serializer().serialize(TOPIC, f);
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, byte[] value) {
        String key = value == null ? "m|gone" : "m|s" + (offset == 0 ? 1 : 2);
        return new ConsumerRecord<>(TOPIC, 0, offset, key.getBytes(StandardCharsets.UTF_8), value);
    }
}
