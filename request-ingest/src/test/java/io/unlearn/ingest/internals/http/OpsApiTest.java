package io.unlearn.ingest.internals.http;

import static io.unlearn.ingest.internals.http.ApiFixture.assertError;
import static io.unlearn.ingest.internals.http.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class OpsApiTest {

    @Test
    void healthFollowsTheStreamsStateWithoutAToken() {
        try (ApiFixture api = new ApiFixture()) {
            HttpResponse<String> up = api.send(api.request("/healthz").GET());
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(json(up).toString()).isEqualTo("{\"status\":\"UP\",\"streams\":\"RUNNING\"}");

            api.streamsState.set("REBALANCING");
            HttpResponse<String> down = api.send(api.request("/healthz").GET());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(json(down).toString()).isEqualTo("{\"status\":\"DOWN\",\"streams\":\"REBALANCING\"}");
        }
    }

    @Test
    void metricsArePrometheusTextWithTheRequestTimerByRouteAndStatus() {
        try (ApiFixture api = new ApiFixture()) {
            api.post("/v1/deletion-requests", "{\"subjectId\":\"s\",\"modelId\":\"m\"}");
            assertError(api.get("/v1/requests/nope"), 404);

            HttpResponse<String> metrics = api.send(api.request("/metrics").GET());

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
            assertThat(metrics.body()).containsPattern(
                    "unlearn_ingest_http_requests_seconds_count\\{method=\"POST\",route=\"/v1/deletion-requests\",status=\"202\"} 1")
                    .contains("route=\"/v1/requests/{id}\",status=\"404\"");
        }
    }
}
