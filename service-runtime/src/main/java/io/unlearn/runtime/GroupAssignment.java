package io.unlearn.runtime;

import java.util.TreeSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The one line a group member logs at each assignment, in one format for every service, since the scale-out benchmark
 * and tests read it from the logs to count rebalances and see who owns what.
 */
public final class GroupAssignment {
    private GroupAssignment() {
    }

    /** {@code Partitions assigned (group generation G): now owns [p, ...]} for the consumer's current assignment. */
    public static String line(Consumer<?, ?> consumer) {
        return "Partitions assigned (group generation " + consumer.groupMetadata().generationId() + "): now owns "
                + new TreeSet<>(consumer.assignment().stream().map(TopicPartition::partition).toList());
    }
}
