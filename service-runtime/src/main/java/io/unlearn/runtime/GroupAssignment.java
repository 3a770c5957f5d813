package io.unlearn.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The one line a group member logs at each assignment, in one format for every service, since the scale-out benchmark
 * and tests read it from the logs to count rebalances and see who owns what: {@link #line} writes it, {@link #parse}
 * reads every one of them back from a log's text.
 *
 * @param generation the group generation of the assignment
 * @param partitions the partitions the member owned from then on
 */
public record GroupAssignment(int generation, SortedSet<Integer> partitions) {
    private static final Pattern LINE =
            Pattern.compile("Partitions assigned \\(group generation (-?\\d+)\\): now owns \\[([0-9, ]*)]");

    /** {@code Partitions assigned (group generation G): now owns [p, ...]} for the consumer's current assignment. */
    public static String line(Consumer<?, ?> consumer) {
        return format(consumer.groupMetadata().generationId(),
                new TreeSet<>(consumer.assignment().stream().map(TopicPartition::partition).toList()));
    }

    static String format(int generation, SortedSet<Integer> partitions) {
        return "Partitions assigned (group generation " + generation + "): now owns " + partitions;
    }

    /** Every assignment line in {@code logText}, oldest first (empty when the member was never assigned). */
    public static List<GroupAssignment> parse(String logText) {
        List<GroupAssignment> out = new ArrayList<>();
        Matcher m = LINE.matcher(logText);
        while (m.find()) {
            SortedSet<Integer> owned = new TreeSet<>();
            Arrays.stream(m.group(2).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .forEach(s -> owned.add(Integer.parseInt(s)));
            out.add(new GroupAssignment(Integer.parseInt(m.group(1)), owned));
        }
        return out;
    }
}
