package io.unlearn.schemas;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Utils;

/**
 * Where Kafka's default partitioner puts a record with a String key (murmur2 of its UTF-8 bytes, as for every keyed
 * topic of this contract): which worker or evaluator owns a model is decided by this, since the request and version
 * topics are keyed by modelId.
 */
public final class KeyPartitions {
    private KeyPartitions() {
    }

    /** The partition of {@code key} among {@code partitions}. */
    public static int of(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * {@code count} keys {@code prefix + i} (i = 0, 1, ...) spread evenly: at most ⌈count / partitions⌉ on each partition.
     * With hash placement a handful of keys often share a partition by chance; benchmarks and tests that measure or
     * exercise spreading over a group pick keys like these (a fleet with many models gets the same balance on average).
     */
    public static List<String> balanced(String prefix, int count, int partitions) {
        int perPartition = (count + partitions - 1) / partitions;
        int[] used = new int[partitions];
        List<String> keys = new ArrayList<>();
        for (int i = 0; keys.size() < count; i++) {
            String key = prefix + i;
            int p = of(key, partitions);
            if (used[p] < perPartition) {
                used[p]++;
                keys.add(key);
            }
        }
        return keys;
    }
}
