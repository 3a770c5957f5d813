package io.unlearn.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.ingest.IngestService;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The HTTP API in front of the real topology: submit, follow the status to ACCEPTED or REJECTED, auth and 4xx bodies. */
@ExtendWith(LocalStackExtension.class)
class IngestHttpIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void submittedRequestsReachTheirStatusAndBadCallsGetJsonErrors(LocalStack stack) throws Exception {
        IngestStackFixture f = new IngestStackFixture(stack);
        try (IngestService ingest = f.startIngest("http.enabled", "true", "http.port", "0", "http.auth.tokens", "compliance=t0ken")) {
            String base = "http://127.0.0.1:" + ingest.httpPort().orElseThrow();
            HttpResponse<String> ok = post(base + "/v1/deletion-requests", "t0ken",
                    "{\"requestId\":\"" + f.prefix + "-h1\",\"subjectId\":\"" + f.prefix + "-subject-2\",\"modelId\":\"" + f.model + "\"}");
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
            assertThat(ok.body()).contains("\"statusUrl\":\"/v1/requests/" + f.prefix + "-h1\"");
            assertThat(awaitState(base, f.prefix + "-h1")).contains("\"state\":\"ACCEPTED\"").contains("RECEIVED");

            HttpResponse<String> unknown = post(base + "/v1/deletion-requests", "t0ken",
                    "{\"requestId\":\"" + f.prefix + "-h2\",\"sampleIds\":[\"ghost\"],\"modelId\":\"" + f.model + "\"}");
            assertThat(unknown.statusCode()).isEqualTo(202);
            assertThat(awaitState(base, f.prefix + "-h2")).contains("\"state\":\"REJECTED\"").contains("unknown sample ids");

            HttpResponse<String> again = post(base + "/v1/deletion-requests", "t0ken",
                    "{\"requestId\":\"" + f.prefix + "-h1\",\"subjectId\":\"" + f.prefix + "-subject-2\",\"modelId\":\"" + f.model + "\"}");
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("\"duplicate\":true");

            HttpResponse<String> noToken = post(base + "/v1/deletion-requests", null, "{}");
            assertThat(noToken.statusCode()).isEqualTo(401);
            assertThat(noToken.body()).contains("\"status\":401").contains("\"message\"");
            HttpResponse<String> missingModel = post(base + "/v1/concept-removals", "t0ken", "{\"conceptName\":\"footwear\",\"conceptLabels\":[\"Sneaker\"]}");
            assertThat(missingModel.statusCode()).isEqualTo(422);
            assertThat(missingModel.body()).contains("modelId");
            HttpResponse<String> notFound = get(base + "/v1/requests/" + f.prefix + "-never", "t0ken");
            assertThat(notFound.statusCode()).isEqualTo(404);
            assertThat(get(base + "/healthz", null).body()).contains("\"status\":\"UP\"");
            assertThat(get(base + "/metrics", null).body()).contains("unlearn_ingest_requests_total");
        }
    }

    private String awaitState(String base, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(base + "/v1/requests/" + id, "t0ken");
            body = r.body();
            if (r.statusCode() == 200 && (body.contains("\"state\":\"ACCEPTED\"") || body.contains("\"state\":\"REJECTED\""))) {
                return body;
            }
            Thread.sleep(200);
        }
        return body;
    }

    private HttpResponse<String> post(String url, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
