package io.unlearn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.demo.DemoCluster;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario while something breaks half-way through the request stream: nothing is lost, nothing applied twice,
 * and the audit still verifies the whole log (it checks exactly-once application and the lineage chain itself).
 */
@ExtendWith(LocalStackExtension.class)
class ChaosIT extends EndToEndScenario {

    @Test
    void brokerRestartedMidStream(LocalStack stack, @TempDir Path dir) throws Exception {
        Result r = run(cluster(stack), "chaos-broker", dir, false, (cluster, services, out) -> {
            out.println("  chaos: restarting the broker");
            cluster.restartBroker().run();
        });
        assertVerified(r);
        assertThat(r.demoOutput()).contains("chaos: restarting the broker");
    }

    @Test
    void workerKilledMidBatch(LocalStack stack, @TempDir Path dir) throws Exception {
        Result r = run(cluster(stack), "chaos-worker", dir, true, (cluster, services, out) -> {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline && !batchRunning(services.workerLog())) {
                Thread.sleep(50);
            }
            out.println("  chaos: SIGKILL to the worker " + (batchRunning(services.workerLog()) ? "during a batch" : "(no batch seen)"));
            services.killWorker();
        });
        assertVerified(r);
        assertThat(r.demoOutput()).contains("chaos: SIGKILL to the worker during a batch").contains("worker stopped");
        assertThat(r.outcome().restarts()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void evaluatorRestarted(LocalStack stack, @TempDir Path dir) throws Exception {
        Result r = run(cluster(stack), "chaos-evaluator", dir, false, (cluster, services, out) -> {
            out.println("  chaos: restarting the evaluator");
            services.restartEvaluator();
        });
        assertVerified(r);
        assertThat(r.demoOutput()).contains("chaos: restarting the evaluator");
    }

    private static DemoCluster cluster(LocalStack stack) {
        return new DemoCluster(stack.bootstrapServers(), stack.registryUrl(), stack::restartBroker);
    }

    /** A batch's method run has started and not finished: its progress lines ("batch of N: ...") come after the last result. */
    private static boolean batchRunning(Path log) {
        String text;
        try {
            text = Files.exists(log) ? Files.readString(log) : "";
        } catch (java.io.IOException e) {
            return false;
        }
        java.util.regex.Matcher progress = java.util.regex.Pattern.compile(" batch of \\d+: ").matcher(text);
        int lastProgress = -1;
        while (progress.find()) {
            lastProgress = progress.start();
        }
        return lastProgress > text.lastIndexOf(" request(s) -> ");
    }
}
