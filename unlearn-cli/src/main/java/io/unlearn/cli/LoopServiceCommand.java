package io.unlearn.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.unlearn.runtime.LoopService;
import io.unlearn.runtime.OpsEndpoint;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What {@code unlearn worker} and {@code unlearn evaluator} share: the settings and metrics options, and the
 * launcher's part around a loop service — start it, serve its metrics when asked, stop it on Ctrl-C, print a banner,
 * block until the loop ends and turn its failure into the command's one-line error.
 */
abstract class LoopServiceCommand implements Callable<Integer> {
    @Mixin
    ServiceSettings settings;

    @Mixin
    MetricsOptions metrics;

    @Spec
    CommandSpec spec;

    /** A started service and the line to print once it runs. */
    record Started(LoopService service, String banner) {
    }

    /** Starts the service from the merged settings, publishing its meters to {@code meters}. */
    abstract Started start(Map<String, Object> props, PrometheusMeterRegistry meters);

    @Override
    public final Integer call() throws InterruptedException {
        PrometheusMeterRegistry meters = OpsEndpoint.registry();
        Started started = start(settings.props(), meters);
        LoopService service = started.service();
        String what = spec.name();
        metrics.serveIfAsked(meters, service::isRunning);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "unlearn-" + what + "-shutdown"));
        System.out.println(started.banner());
        System.out.flush();
        service.awaitTermination();
        if (service.failure() != null) {
            throw new CliException("the " + what + " stopped: " + service.failure().getMessage());
        }
        return 0;
    }
}
