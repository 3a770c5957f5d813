package io.unlearn.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.unlearn.runtime.OpsEndpoint;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Option;

/** The {@code --metrics-port} / {@code --metrics-host} options of the services without an HTTP API of their own. */
final class MetricsOptions {
    @Option(names = "--metrics-port", description = "Serve GET /metrics (Prometheus) and /healthz on this port (0 = any free port; default: not served).")
    Integer metricsPort;

    @Option(names = "--metrics-host", defaultValue = "127.0.0.1", description = "Address the metrics endpoint binds (default ${DEFAULT-VALUE}; 0.0.0.0 in containers).")
    String metricsHost;

    /**
     * Binds and serves {@code meters} when a port was given and prints where; the endpoint lives as long as the JVM.
     * Called before the service starts, so that a port held by another process ends the command before it joins a
     * consumer group.
     *
     * @throws io.unlearn.runtime.FatalServiceException naming the address when it cannot be bound
     */
    Optional<OpsEndpoint> serveIfAsked(PrometheusMeterRegistry meters, BooleanSupplier running) {
        if (metricsPort == null) {
            return Optional.empty();
        }
        OpsEndpoint ops = OpsEndpoint.serve(metricsHost, metricsPort, meters, running);
        System.out.println("metrics=http://" + metricsHost + ":" + ops.port() + "/metrics");
        return Optional.of(ops);
    }
}
