package io.unlearn.ingest.internals.http;

import static io.unlearn.ingest.internals.http.ApiFixture.NOW;
import static io.unlearn.ingest.internals.http.ApiFixture.assertError;
import static io.unlearn.ingest.internals.http.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.unlearn.ingest.StatusLookup;
import io.unlearn.ingest.internals.StatusHistory;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusApiTest {
    private final ApiFixture api = new ApiFixture();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void aKnownRequestShowsItsCurrentStateAndHistory() {
        api.statuses.put("r1", new StatusLookup.Found(new StatusHistory("r1", List.of(
                new StatusHistory.Step("RECEIVED", null, "m", null, "request-ingest", NOW.toEpochMilli()),
                new StatusHistory.Step("REJECTED", "unknown model 'm'", "m", null, "request-ingest", NOW.toEpochMilli() + 5)))));

        HttpResponse<String> response = api.get("/v1/requests/r1");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("requestId").asText()).isEqualTo("r1");
        assertThat(body.get("state").asText()).isEqualTo("REJECTED");
        JsonNode last = body.get("history").get(1);
        assertThat(last.get("state").asText()).isEqualTo("REJECTED");
        assertThat(last.get("reason").asText()).isEqualTo("unknown model 'm'");
        assertThat(last.get("modelId").asText()).isEqualTo("m");
        assertThat(last.get("versionId").isNull()).isTrue();
        assertThat(last.get("emittedBy").asText()).isEqualTo("request-ingest");
        assertThat(last.get("occurredAt").asText()).isEqualTo("2026-11-28T10:00:00.005Z");
    }

    @Test
    void anUnknownRequestIs404() {
        assertThat(assertError(api.get("/v1/requests/nope"), 404)).contains("'nope'");
    }

    @Test
    void aRequestHeldByAnotherInstanceIsRedirectedThere() {
        api.statuses.put("r2", new StatusLookup.Elsewhere("10.0.0.2:8088"));

        HttpResponse<String> response = api.get("/v1/requests/r2");

        assertThat(response.statusCode()).isEqualTo(307);
        assertThat(response.headers().firstValue("Location")).hasValue("http://10.0.0.2:8088/v1/requests/r2");
    }

    @Test
    void aStoreThatCannotAnswerNowIs503WithRetryAfter() {
        api.statuses.put("r3", new StatusLookup.Unavailable("the status store is restoring"));

        HttpResponse<String> response = api.get("/v1/requests/r3");

        assertThat(assertError(response, 503)).contains("restoring");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }
}
