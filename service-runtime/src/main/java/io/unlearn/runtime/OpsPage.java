package io.unlearn.runtime;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One answer of the operations endpoints, the same wherever they are served ({@link OpsEndpoint} for the loop
 * services, request-ingest's own HTTP API): {@code GET /metrics} is every meter in the Prometheus text format,
 * {@code GET /healthz} is the {@link Health} as JSON, 503 with {@code Retry-After: 5} when down.
 *
 * @param headers extra response headers besides Content-Type
 */
public record OpsPage(int status, String contentType, Map<String, String> headers, byte[] body) {
    public static final String METRICS_PATH = "/metrics";
    public static final String HEALTH_PATH = "/healthz";
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    public static final String JSON = "application/json; charset=utf-8";
    /** Seconds a probe is told to wait before asking a DOWN service again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public OpsPage {
        headers = Map.copyOf(headers);
    }

    public static OpsPage metrics(PrometheusMeterRegistry meters) {
        return new OpsPage(200, PROMETHEUS_TEXT, Map.of(), meters.scrape().getBytes(StandardCharsets.UTF_8));
    }

    public static OpsPage health(Health health) {
        byte[] body = health.json().getBytes(StandardCharsets.UTF_8);
        return new OpsPage(health.httpStatus(), JSON, health.up() ? Map.of() : Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)),
                body);
    }
}
