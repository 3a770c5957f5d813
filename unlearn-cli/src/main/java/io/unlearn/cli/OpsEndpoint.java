package io.unlearn.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /metrics} (Prometheus text) and {@code GET /healthz} (200 while the service runs, 503 after it stopped)
 * for the services that have no HTTP API of their own (worker, evaluator). The JDK's HttpServer is enough for two
 * read-only endpoints; request-ingest serves the same two paths from its own server.
 */
final class OpsEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final PrometheusMeterRegistry meters;

    private OpsEndpoint(HttpServer server, PrometheusMeterRegistry meters) {
        this.server = server;
        this.meters = meters;
    }

    /** A registry to hand to the service; served only once {@link #serve} is called. */
    static PrometheusMeterRegistry registry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /**
     * @param host the address to bind (0.0.0.0 in a container, 127.0.0.1 on a workstation)
     * @param port the port, 0 for any free one
     */
    static OpsEndpoint serve(String host, int port, PrometheusMeterRegistry meters, BooleanSupplier running) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
            server.createContext("/metrics", ex -> reply(ex, 200, "text/plain; version=0.0.4; charset=utf-8", meters.scrape()));
            server.createContext("/healthz", ex -> {
                boolean up = running.getAsBoolean();
                reply(ex, up ? 200 : 503, "application/json", "{\"status\":\"" + (up ? "UP" : "DOWN") + "\"}");
            });
            server.start();
            return new OpsEndpoint(server, meters);
        } catch (IOException e) {
            throw new CliException("cannot serve metrics on " + host + ":" + port + " (" + e.getMessage()
                    + "); choose a free port with --metrics-port");
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!"GET".equals(ex.getRequestMethod())) {
            bytes = "{\"error\":\"only GET is served here\"}".getBytes(StandardCharsets.UTF_8);
            status = 405;
        }
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        meters.close();
    }
}
