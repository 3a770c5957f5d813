package io.unlearn.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} (Prometheus text) and {@code GET /healthz} ({@link Health}: 200 while the service runs, 503
 * after it stopped) for the services that have no HTTP API of their own (worker, evaluator); other methods get 405.
 * The JDK's HttpServer is enough for two read-only endpoints. request-ingest serves the same two pages
 * ({@link OpsPage}) from its own server.
 */
public final class OpsEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final PrometheusMeterRegistry meters;

    private OpsEndpoint(HttpServer server, PrometheusMeterRegistry meters) {
        this.server = server;
        this.meters = meters;
    }

    /** A registry to hand to the service; served only once {@link #serve} is called. */
    public static PrometheusMeterRegistry registry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /** Serves {@code meters}, healthy while {@code running} says so. */
    public static OpsEndpoint serve(String host, int port, PrometheusMeterRegistry meters, BooleanSupplier running) {
        return serve(host, port, meters, () -> Health.of(running.getAsBoolean()));
    }

    /**
     * @param host the address to bind (0.0.0.0 in a container, 127.0.0.1 on a workstation)
     * @param port the port, 0 for any free one
     * @throws FatalServiceException when the address cannot be bound
     */
    public static OpsEndpoint serve(String host, int port, PrometheusMeterRegistry meters, Supplier<Health> health) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
            server.createContext(OpsPage.METRICS_PATH, ex -> reply(ex, OpsPage.metrics(meters)));
            server.createContext(OpsPage.HEALTH_PATH, ex -> reply(ex, OpsPage.health(health.get())));
            server.start();
            return new OpsEndpoint(server, meters);
        } catch (IOException e) {
            throw new FatalServiceException("cannot serve metrics on " + host + ":" + port + " (" + e.getMessage()
                    + "): another process holds the port (an earlier instance still running?); stop it or choose a free port "
                    + "with --metrics-port");
        }
    }

    /** The bound port: the given one, or the one picked when 0 was given. */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void reply(HttpExchange ex, OpsPage page) throws IOException {
        if (!"GET".equals(ex.getRequestMethod())) {
            page = new OpsPage(405, OpsPage.JSON, Map.of(), "{\"error\":\"only GET is served here\"}".getBytes(StandardCharsets.UTF_8));
        }
        ex.getResponseHeaders().set("Content-Type", page.contentType());
        page.headers().forEach((name, value) -> ex.getResponseHeaders().set(name, value));
        ex.sendResponseHeaders(page.status(), page.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(page.body());
        }
    }

    /** Stops serving and closes the registry. */
    @Override
    public void close() {
        server.stop(0);
        meters.close();
    }
}
