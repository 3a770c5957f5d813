package io.unlearn.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.unlearn.evaluator.EvaluatorConfig;
import io.unlearn.evaluator.EvaluatorService;
import io.unlearn.runtime.LoopService;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code unlearn evaluator}: runs one evaluator group member until Ctrl-C (or until it fails). */
@Command(name = "evaluator", mixinStandardHelpOptions = true,
        description = "Runs the evaluator: judges every new model version (UA/RA/TA/MIA, concept suppression, worst-case challenge), "
                + "publishes reports and VERIFIED/FAILED statuses. Keys (--config, --set): EvaluatorConfig; "
                + "policy.<default|modelId>.<criterion> set the verdict thresholds.")
final class EvaluatorCommand extends LoopServiceCommand {
    private boolean challenge;

    EvaluatorCommand() {
        super("evaluator");
    }

    @Override
    LoopService start(Map<String, Object> props, PrometheusMeterRegistry meters) {
        EvaluatorConfig config = EvaluatorConfig.of(props);
        challenge = config.getBoolean(EvaluatorConfig.CHALLENGE_ENABLED);
        return EvaluatorService.start(config, Clock.systemUTC(), meters);
    }

    @Override
    String banner() {
        return "evaluator running (challenge " + (challenge ? "on" : "off") + ")";
    }
}
