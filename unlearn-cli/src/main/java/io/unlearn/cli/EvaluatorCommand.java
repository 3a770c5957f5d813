package io.unlearn.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.unlearn.evaluator.EvaluatorConfig;
import io.unlearn.evaluator.EvaluatorService;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code unlearn evaluator}: runs one evaluator group member until Ctrl-C (or until it fails). */
@Command(name = "evaluator", mixinStandardHelpOptions = true,
        description = "Runs the evaluator: judges every new model version (UA/RA/TA/MIA, concept suppression, worst-case challenge), "
                + "publishes reports and VERIFIED/FAILED statuses. Keys (--config, --set): EvaluatorConfig; "
                + "policy.<default|modelId>.<criterion> set the verdict thresholds.")
final class EvaluatorCommand extends LoopServiceCommand {
    @Override
    Started start(Map<String, Object> props, PrometheusMeterRegistry meters) {
        EvaluatorConfig config = EvaluatorConfig.of(props);
        boolean challenge = config.getBoolean(EvaluatorConfig.CHALLENGE_ENABLED);
        return new Started(EvaluatorService.start(config, Clock.systemUTC(), meters),
                "evaluator running (challenge " + (challenge ? "on" : "off") + ")");
    }
}
