package io.unlearn.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.unlearn.runtime.LoopService;
import io.unlearn.runtime.OpsEndpoint;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What {@code unlearn worker} and {@code unlearn evaluator} share: the settings and metrics options, and the
 * launcher's part around a loop service — bind its metrics port when asked, then start it, stop it on Ctrl-C, print a
 * banner, block until the loop ends and turn its failure into the command's one-line error. The port comes first: a
 * clash (an earlier instance still running) ends the command with one line before the service exists, so it never
 * joins the consumer group nor, with the same {@code instance.id}, fences the running instance's transactions.
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
        Map<String, Object> props = settings.props();
        PrometheusMeterRegistry meters = OpsEndpoint.registry();
        AtomicReference<LoopService> running = new AtomicReference<>();
        Optional<OpsEndpoint> ops = metrics.serveIfAsked(meters, () -> running.get() != null && running.get().isRunning());
        Started started;
        try {
            started = start(props, meters);
        } catch (RuntimeException e) {
            ops.ifPresent(OpsEndpoint::close);
            throw e;
        }
        LoopService service = started.service();
        running.set(service);
        String what = spec.name();
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
