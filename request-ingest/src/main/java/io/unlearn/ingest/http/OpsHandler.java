package io.unlearn.ingest.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The unauthenticated operations endpoints: {@code GET /healthz} for probes and {@code GET /metrics} for scrapers. */
final class OpsHandler {
    static final String HEALTHY = "RUNNING";
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private final Supplier<String> streamsState;
    private final PrometheusMeterRegistry meters;

    OpsHandler(Supplier<String> streamsState, PrometheusMeterRegistry meters) {
        this.streamsState = streamsState;
        this.meters = meters;
    }

    /** 200 {"status":"UP","streams":"RUNNING"} or 503 {"status":"DOWN","streams":"REBALANCING"}. */
    Reply health(Router.Call call) {
        String state = streamsState.get();
        boolean up = HEALTHY.equals(state);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("streams", state);
        Reply reply = Reply.json(up ? 200 : 503, body);
        return up ? reply : reply.withHeader("Retry-After", "5");
    }

    /** Every meter of the service in the Prometheus text format. */
    Reply metrics(Router.Call call) {
        return Reply.text(200, PROMETHEUS_TEXT, meters.scrape());
    }
}
