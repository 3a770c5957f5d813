package io.unlearn.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.unlearn.worker.WorkerConfig;
import io.unlearn.worker.WorkerService;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code unlearn worker}: runs one unlearn-worker group member until Ctrl-C (or until it fails). */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Runs unlearn-worker: batches accepted requests per model and publishes unlearned versions exactly once. "
                + "Keys (--config, --set): WorkerConfig; method.* keys go to the unlearning method.")
final class WorkerCommand extends LoopServiceCommand {
    @Override
    Started start(Map<String, Object> props, PrometheusMeterRegistry meters) {
        WorkerConfig config = WorkerConfig.of(props);
        return new Started(WorkerService.start(config, Clock.systemUTC(), meters),
                "unlearn-worker running (method " + config.getString(WorkerConfig.METHOD) + ")");
    }
}
