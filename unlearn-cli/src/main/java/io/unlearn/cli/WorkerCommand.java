package io.unlearn.cli;

import io.unlearn.runtime.OpsEndpoint;
import io.unlearn.runtime.ServiceProps;
import io.unlearn.worker.WorkerConfig;
import io.unlearn.worker.WorkerService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code unlearn worker}: runs one unlearn-worker group member until Ctrl-C (or until it fails). */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Runs unlearn-worker: batches accepted requests per model and publishes unlearned versions exactly once. Keys: WorkerConfig.")
final class WorkerCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(names = "--config", description = "Properties file with WorkerConfig keys (kafka.* to the clients, method.* to the method).")
    Path configFile;

    @Option(names = "--set", description = "One WorkerConfig key=value; repeatable; wins over --config.")
    Map<String, String> overrides = new HashMap<>();

    @Mixin
    MetricsOptions metrics;

    @Override
    public Integer call() throws InterruptedException {
        WorkerConfig config = WorkerConfig.of(ServiceProps.merge(cluster.serviceDefaults(), configFile, overrides));
        var meters = OpsEndpoint.registry();
        WorkerService worker = WorkerService.start(config, Clock.systemUTC(), meters);
        metrics.serveIfAsked(meters, worker::isRunning);
        return LoopServices.runUntilStopped(worker, "worker", "unlearn-worker running (method " + config.getString(WorkerConfig.METHOD) + ")");
    }
}
