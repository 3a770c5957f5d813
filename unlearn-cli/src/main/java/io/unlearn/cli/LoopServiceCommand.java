package io.unlearn.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.unlearn.runtime.LoopService;
import io.unlearn.runtime.OpsEndpoint;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

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

    private final String what;

    /** @param what the service as the user knows it, e.g. {@code worker} */
    LoopServiceCommand(String what) {
        this.what = what;
    }

    /** Starts the service from the merged settings, publishing its meters to {@code meters}. */
    abstract LoopService start(Map<String, Object> props, PrometheusMeterRegistry meters);

    /** The line printed once the service runs. */
    abstract String banner();

    @Override
    public final Integer call() throws InterruptedException {
        PrometheusMeterRegistry meters = OpsEndpoint.registry();
        LoopService service = start(settings.props(), meters);
        metrics.serveIfAsked(meters, service::isRunning);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "unlearn-" + what + "-shutdown"));
        System.out.println(banner());
        System.out.flush();
        service.awaitTermination();
        if (service.failure() != null) {
            throw new CliException("the " + what + " stopped: " + service.failure().getMessage());
        }
        return 0;
    }
}
