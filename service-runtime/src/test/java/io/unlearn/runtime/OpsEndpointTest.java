package io.unlearn.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The worker's and evaluator's ops endpoint: Prometheus text, health that follows the service, GET only. */
class OpsEndpointTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesMetricsAndHealthThatFollowsTheService() throws Exception {
        var meters = OpsEndpoint.registry();
        meters.counter("unlearn.worker.requests", "outcome", "applied").increment(3);
        AtomicBoolean running = new AtomicBoolean(true);
        try (OpsEndpoint ops = OpsEndpoint.serve("127.0.0.1", 0, meters, running::get)) {
            String base = "http://127.0.0.1:" + ops.port();
            HttpResponse<String> metrics = get(base + "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("unlearn_worker_requests_total{outcome=\"applied\"} 3.0");
            assertThat(get(base + "/healthz").statusCode()).isEqualTo(200);
            running.set(false);
            HttpResponse<String> down = get(base + "/healthz");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("DOWN");
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
