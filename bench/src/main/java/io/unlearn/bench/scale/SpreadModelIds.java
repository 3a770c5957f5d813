package io.unlearn.bench.scale;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Utils;

/**
 * Model ids that the default partitioner (murmur2 of the key, as request-ingest keys accepted requests by modelId)
 * spreads evenly over a topic's partitions. With hash placement a handful of models often share a partition by chance,
 * and one busy partition caps a group at one busy worker: the benchmark measures scale-out, not hash luck, so it picks
 * names that balance (a fleet with many models gets the same balance on average).
 */
final class SpreadModelIds {
    private SpreadModelIds() {
    }

    /** {@code count} ids {@code prefix-m<i>}, at most ⌈count / partitions⌉ per partition, in order of i. */
    static List<String> of(String prefix, int count, int partitions) {
        int perPartition = (count + partitions - 1) / partitions;
        int[] used = new int[partitions];
        List<String> ids = new ArrayList<>();
        for (int i = 0; ids.size() < count; i++) {
            String id = prefix + "-m" + i;
            int p = partitionOf(id, partitions);
            if (used[p] < perPartition) {
                used[p]++;
                ids.add(id);
            }
        }
        return ids;
    }

    /** The partition the default partitioner gives a record keyed {@code key}. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
