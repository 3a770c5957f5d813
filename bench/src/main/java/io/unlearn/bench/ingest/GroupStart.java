package io.unlearn.bench.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Places a consumer group that has not started yet at the end of its topics, so that an application started under
 * that group (a Kafka Streams application id) reads only what is produced afterwards, not what earlier phases of the
 * same run left on the shared topics.
 */
final class GroupStart {
    private GroupStart() {
    }

    static void atEnd(Admin admin, String group, List<String> topics) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
                topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
                    : admin.listOffsets(latest).all().get().entrySet()) {
                ends.put(e.getKey(), new OffsetAndMetadata(e.getValue().offset()));
            }
            admin.alterConsumerGroupOffsets(group, ends).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot place the new group " + group + " at the end of " + topics
                    + ": " + e.getCause().getMessage() + "; is the broker still up?", e.getCause());
        }
    }
}
