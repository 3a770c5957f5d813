package io.unlearn.evaluator.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.ml.worstcase.SearchCost;
import io.unlearn.ml.worstcase.SearchMode;
import io.unlearn.ml.worstcase.WorstCaseForgetSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worst-case cache on a data directory that several evaluator replicas share. */
class WorstCaseCacheTest {
    private static final String KEY = "parent-v3|ft|m=2";
    private static final WorstCaseForgetSet SET = WorstCaseForgetSet.of(SearchMode.WORST, "fmnist",
            List.of("fmnist/train/000009", "fmnist/train/000002"), List.of(0.9, 0.7), "v3", "ft", 100, 5L,
            Map.of("outer_steps", 20.0), new SearchCost(1.5, 20, 200, 20_000, 2_000));

    @Test
    void aSetOneReplicaSearchedIsReadByAnotherWithoutSearching(@TempDir Path dataDir) throws Exception {
        AtomicInteger searches = new AtomicInteger();
        assertThat(new WorstCaseCache(dataDir).get(KEY, counting(searches))).isEqualTo(SET);
        assertThat(new WorstCaseCache(dataDir).get(KEY, counting(searches))).isEqualTo(SET);
        assertThat(searches).hasValue(1);
        assertThat(names(dataDir.resolve("worstcase"))).hasSize(1).allMatch(n -> n.endsWith(".json") && !n.startsWith("."));
    }

    @Test
    void replicasSearchingOneKeyAtOnceLeaveOneWholeFile(@TempDir Path dataDir) throws Exception {
        int replicas = 4;
        CountDownLatch allSearching = new CountDownLatch(replicas);
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            List<Future<WorstCaseForgetSet>> results = new java.util.ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                results.add(pool.submit(() -> new WorstCaseCache(dataDir).get(KEY, () -> {
                    allSearching.countDown();
                    await(allSearching);
                    return SET;
                })));
            }
            for (Future<WorstCaseForgetSet> r : results) {
                assertThat(r.get(30, TimeUnit.SECONDS)).isEqualTo(SET);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(names(dataDir.resolve("worstcase"))).as("one cached set, no temporary file left").hasSize(1);
        AtomicInteger searches = new AtomicInteger();
        assertThat(new WorstCaseCache(dataDir).get(KEY, counting(searches))).isEqualTo(SET);
        assertThat(searches).as("the file is whole: a restarted replica reads it").hasValue(0);
    }

    @Test
    void aSetThatCannotBeCachedStaysInMemoryAndLeavesNoTemporaryFile(@TempDir Path dataDir) throws Exception {
        Path worstcase = dataDir.resolve("worstcase");
        String name = io.unlearn.schemas.Digests.sha256Hex(KEY) + ".json";
        Files.createDirectories(worstcase.resolve(name).resolve("blocker")); // a non-empty directory where the file goes
        WorstCaseCache cache = new WorstCaseCache(dataDir);
        AtomicInteger searches = new AtomicInteger();
        assertThat(cache.get(KEY, counting(searches))).isEqualTo(SET);
        assertThat(cache.get(KEY, counting(searches))).isEqualTo(SET);
        assertThat(searches).as("kept in memory").hasValue(1);
        assertThat(names(worstcase)).containsExactly(name);
    }

    private static Supplier<WorstCaseForgetSet> counting(AtomicInteger searches) {
        return () -> {
            searches.incrementAndGet();
            return SET;
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
