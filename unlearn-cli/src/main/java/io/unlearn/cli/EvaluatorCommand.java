package io.unlearn.cli;

import io.unlearn.evaluator.EvaluatorConfig;
import io.unlearn.evaluator.EvaluatorService;
import io.unlearn.runtime.OpsEndpoint;
import io.unlearn.runtime.ServiceProps;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code unlearn evaluator}: runs one evaluator group member until Ctrl-C (or until it fails). */
@Command(name = "evaluator", mixinStandardHelpOptions = true,
        description = "Runs the evaluator: judges every new model version (UA/RA/TA/MIA, concept suppression, worst-case challenge), "
                + "publishes reports and VERIFIED/FAILED statuses. Keys: EvaluatorConfig (policy.<default|modelId>.<criterion> for thresholds).")
final class EvaluatorCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(names = "--config", description = "Properties file with EvaluatorConfig keys (kafka.* to the clients, policy.* to the verdict policy).")
    Path configFile;

    @Option(names = "--set", description = "One EvaluatorConfig key=value; repeatable; wins over --config.")
    Map<String, String> overrides = new HashMap<>();

    @Mixin
    MetricsOptions metrics;

    @Override
    public Integer call() throws InterruptedException {
        EvaluatorConfig config = EvaluatorConfig.of(ServiceProps.merge(cluster.serviceDefaults(), configFile, overrides));
        var meters = OpsEndpoint.registry();
        EvaluatorService evaluator = EvaluatorService.start(config, Clock.systemUTC(), meters);
        metrics.serveIfAsked(meters, evaluator::isRunning);
        return LoopServices.runUntilStopped(evaluator, "evaluator",
                "evaluator running (challenge " + (config.getBoolean(EvaluatorConfig.CHALLENGE_ENABLED) ? "on" : "off") + ")");
    }
}
