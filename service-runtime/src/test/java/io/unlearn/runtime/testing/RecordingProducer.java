package io.unlearn.runtime.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A MockProducer that remembers what each committed transaction held: its records and the offsets sent to it. Shared
 * by the consumer-loop tests of the services (this module's test jar).
 */
public final class RecordingProducer extends MockProducer<String, byte[]> {
    /** One committed transaction. */
    public record Transaction(List<ProducerRecord<String, byte[]>> records, Map<TopicPartition, OffsetAndMetadata> offsets) {
        public List<String> topics() {
            return records.stream().map(ProducerRecord::topic).toList();
        }
    }

    public final List<Transaction> committed = new ArrayList<>();

    public RecordingProducer() {
        super(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void commitTransaction() {
        List<ProducerRecord<String, byte[]>> records = List.copyOf(uncommittedRecords());
        Map<TopicPartition, OffsetAndMetadata> offsets = uncommittedOffsets().values().stream().findFirst().map(Map::copyOf).orElse(Map.of());
        super.commitTransaction();
        committed.add(new Transaction(records, offsets));
    }
}
