package io.unlearn.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import io.unlearn.schemas.KeyPartitions;
import org.junit.jupiter.api.Test;

class ScalePartsTest {

    @Test
    void modelIdsSpreadEvenlyOverThePartitionsTheDefaultPartitionerPicks() {
        List<String> ids = KeyPartitions.balanced("scale3-m", 6, 3);
        assertThat(ids).hasSize(6).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).startsWith("scale3-m"));
        Map<Integer, Long> perPartition = ids.stream().collect(Collectors.groupingBy(
                id -> BuiltInPartitioner.partitionForKey(id.getBytes(java.nio.charset.StandardCharsets.UTF_8), 3),
                Collectors.counting()));
        assertThat(perPartition).containsOnlyKeys(0, 1, 2).allSatisfy((p, n) -> assertThat(n).isEqualTo(2L));
        assertThat(KeyPartitions.balanced("scale3-m", 7, 3)).hasSize(7);
        assertThat(ids).allSatisfy(id -> assertThat(KeyPartitions.of(id, 3)).isEqualTo(
                BuiltInPartitioner.partitionForKey(id.getBytes(java.nio.charset.StandardCharsets.UTF_8), 3)));
    }

    @Test
    void logsGiveTheGenerationsAndEachWorkersModels() {
        String a = """
                10:00:01 INFO  WorkerLoop - Partitions assigned (group generation 1): now owns [0, 1, 2]
                10:00:05 INFO  WorkerLoop - Partitions assigned (group generation 2): now owns [0, 1]
                10:00:09 INFO  WorkerLoop - scale3-m0: batch of 4 request(s) -> scale3-m0@v2 (20 samples forgotten)
                10:00:19 INFO  WorkerLoop - scale3-m0: batch of 2 request(s) -> scale3-m0@v3 (10 samples forgotten)
                10:00:29 INFO  WorkerLoop - other: batch of 2 request(s) -> other@v3 (10 samples forgotten)
                """;
        String b = """
                10:00:05 INFO  WorkerLoop - Partitions assigned (group generation 2): now owns [2]
                10:00:12 INFO  WorkerLoop - scale3-m5: batch of 1 request(s) -> FAILED: no data
                """;
        assertThat(WorkerLogs.rebalances(List.of(a, b))).isEqualTo(2);
        assertThat(WorkerLogs.rebalances(List.of(""))).isZero();
        Set<String> models = Set.of("scale3-m0", "scale3-m5");
        assertThat(WorkerLogs.modelsBatched(a, models)).containsExactly("scale3-m0");
        assertThat(WorkerLogs.modelsBatched(b, models)).containsExactly("scale3-m5");
    }

    @Test
    void theGoalNamesWhatTheLargestGroupMissed() {
        Function<int[], ScaleResult.Row> row = x -> new ScaleResult.Row(x[0], 6, 240, x[1], 10, 20, x[0],
                List.of(x[2], x[3], x[4]).subList(0, x[0]));
        ScaleResult.Row one = new ScaleResult.Row(1, 6, 240, 100, 10, 20, 1, List.of(6));
        assertThat(ScaleResult.goal(List.of(one, row.apply(new int[] {3, 120, 2, 2, 2})))).isEqualTo("met");
        assertThat(ScaleResult.goal(List.of(one, row.apply(new int[] {3, 90, 2, 2, 2})))).startsWith("missed: throughput (90 < 100");
        assertThat(ScaleResult.goal(List.of(one, row.apply(new int[] {3, 130, 3, 3, 0})))).isEqualTo("missed: spread (a worker built no model's version)");
        assertThat(ScaleResult.goal(List.of(one))).startsWith("not judged");
    }
}
