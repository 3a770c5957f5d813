package io.unlearn.ingest.internals.http;

import static io.unlearn.ingest.internals.http.ApiFixture.NOW;
import static io.unlearn.ingest.internals.http.ApiFixture.assertError;
import static io.unlearn.ingest.internals.http.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.unlearn.events.ConceptRemovalRequest;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.events.Signature;
import io.unlearn.ingest.StatusLookup;
import io.unlearn.ingest.internals.StatusHistory;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubmitApiTest {
    private final ApiFixture api = new ApiFixture();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void aDeletionIsPublishedWithTheTokensRequesterAndDefaultsAndAnswered202() {
        HttpResponse<String> response = api.post("/v1/deletion-requests",
                "{\"requestId\":\"r1\",\"subjectId\":\"subject-1\",\"modelId\":\"fmnist-cnn\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json(response);
        assertThat(body.get("requestId").asText()).isEqualTo("r1");
        assertThat(body.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(body.get("statusUrl").asText()).isEqualTo("/v1/requests/r1");
        assertThat(body.get("message").asText()).contains("REJECTED");
        assertThat(response.headers().firstValue("Location")).hasValue("/v1/requests/r1");
        assertThat(api.published).containsExactly(DeletionRequest.newBuilder().setRequestId("r1").setRequester("bank")
                .setSubjectId("subject-1").setSampleIds(List.of()).setModelId("fmnist-cnn").setLegalBasis(LegalBasis.UNKNOWN)
                .setLegalReference(null).setReceivedAt(NOW).setDeadline(NOW.plus(Duration.ofDays(30))).setSignature(null).build());
    }

    @Test
    void everyDeletionFieldIsCarriedOverAndAMissingIdGetsAFreshUuid() {
        HttpResponse<String> response = api.post("/v1/deletion-requests", "{\"sampleIds\":[\"s1\",\"s2\"],\"modelId\":\"m\","
                + "\"legalBasis\":\"GDPR_ART_17\",\"legalReference\":\"case 7\",\"receivedAt\":\"2026-11-01T08:00:00.123456Z\","
                + "\"deadline\":\"2026-12-01T00:00:00+01:00\",\"signature\":{\"keyId\":\"k1\",\"value\":\"AQID\"}}");

        assertThat(response.statusCode()).isEqualTo(202);
        String id = json(response).get("requestId").asText();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        DeletionRequest sent = (DeletionRequest) api.published.get(0);
        assertThat(sent.getRequestId()).isEqualTo(id);
        assertThat(sent.getSubjectId()).isNull();
        assertThat(sent.getSampleIds()).containsExactly("s1", "s2");
        assertThat(sent.getLegalBasis()).isEqualTo(LegalBasis.GDPR_ART_17);
        assertThat(sent.getLegalReference()).isEqualTo("case 7");
        assertThat(sent.getReceivedAt()).isEqualTo(Instant.parse("2026-11-01T08:00:00.123Z"));
        assertThat(sent.getDeadline()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
        assertThat(sent.getSignature()).isEqualTo(new Signature("HmacSHA256", "k1", ByteBuffer.wrap(new byte[] {1, 2, 3})));
    }

    @Test
    void aConceptRemovalIsPublishedWithDefaults() {
        HttpResponse<String> response = api.post("/v1/concept-removals", "{\"requestId\":\"c1\",\"modelId\":\"fmnist-cnn\","
                + "\"conceptName\":\"footwear\",\"conceptLabels\":[\"Sandal\",\"Sneaker\"],\"layerHint\":\"fc1\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("statusUrl").asText()).isEqualTo("/v1/requests/c1");
        assertThat(api.published).containsExactly(ConceptRemovalRequest.newBuilder().setRequestId("c1").setRequester("bank")
                .setModelId("fmnist-cnn").setConceptName("footwear").setConceptLabels(List.of("Sandal", "Sneaker"))
                .setExampleSampleIds(List.of()).setLayerHint("fc1").setReceivedAt(NOW)
                .setDeadline(NOW.plus(Duration.ofDays(30))).setSignature(null).build());
    }

    @Test
    void aResentRequestIdIsAnswered200WithItsStatusAndNotPublishedAgain() {
        api.statuses.put("r1", new StatusLookup.Found(new StatusHistory("r1", List.of(
                new StatusHistory.Step("RECEIVED", null, "m", null, "request-ingest", NOW.toEpochMilli()),
                new StatusHistory.Step("ACCEPTED", null, "m", null, "request-ingest", NOW.toEpochMilli())))));

        HttpResponse<String> response = api.post("/v1/deletion-requests", "{\"requestId\":\"r1\",\"subjectId\":\"x\",\"modelId\":\"m\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("duplicate").asBoolean()).isTrue();
        assertThat(body.get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(body.get("history")).hasSize(2);
        assertThat(body.get("statusUrl").asText()).isEqualTo("/v1/requests/r1");
        assertThat(api.published).isEmpty();
    }

    @Test
    void aPublisherFailureIsAnswered503WithRetryAfter() {
        api.publishFailure.set("Request r1 was not acknowledged by Kafka within 15 s; it is safe to send it again");

        HttpResponse<String> response = api.post("/v1/deletion-requests", "{\"requestId\":\"r1\",\"subjectId\":\"x\",\"modelId\":\"m\"}");

        assertThat(assertError(response, 503)).contains("not acknowledged by Kafka").contains("safe to send it again");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void anIdThatIsNotAPlainPathSegmentIsEncodedInTheStatusUrlAndFoundThere() {
        HttpResponse<String> response = api.post("/v1/deletion-requests",
                "{\"requestId\":\"a/b c+d\",\"subjectId\":\"x\",\"modelId\":\"m\"}");
        String statusUrl = json(response).get("statusUrl").asText();
        assertThat(statusUrl).isEqualTo("/v1/requests/a%2Fb%20c%2Bd");

        api.statuses.put("a/b c+d", new StatusLookup.Found(new StatusHistory("a/b c+d", List.of())));
        assertThat(json(api.get(statusUrl)).get("requestId").asText()).isEqualTo("a/b c+d");
    }
}
