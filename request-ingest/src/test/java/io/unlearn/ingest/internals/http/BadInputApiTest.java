package io.unlearn.ingest.internals.http;

import static io.unlearn.ingest.internals.http.ApiFixture.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets its 4xx and the JSON error body, and nothing is published. */
class BadInputApiTest {
    private static final String DELETIONS = "/v1/deletion-requests";
    private final ApiFixture api = new ApiFixture();

    @AfterEach
    void nothingWasPublished() {
        assertThat(api.published).isEmpty();
        api.close();
    }

    @Test
    void malformedJsonIs400WithWhereItBroke() {
        assertThat(assertError(api.post(DELETIONS, "{\"modelId\": \"m\","), 400)).contains("not well-formed JSON").contains("line 1");
        assertThat(assertError(api.post(DELETIONS, "{\"modelId\":\"m\",\"modelId\":\"n\"}"), 400)).contains("modelId");
        assertThat(assertError(api.post(DELETIONS, "[1, 2]"), 400)).contains("JSON object");
        assertError(api.post(DELETIONS, ""), 400);
    }

    @Test
    void unknownFieldsAndWrongTypesAre400NamingEachField() {
        String message = assertError(api.post(DELETIONS, "{\"modelId\":\"m\",\"subjectId\":\"s\",\"requester\":\"me\",\"color\":1}"), 400);
        assertThat(message).contains("[color, requester]");
        message = assertError(api.post(DELETIONS, "{\"modelId\":7,\"sampleIds\":\"s1\",\"signature\":{\"keyId\":\"k\",\"x\":1}}"), 400);
        assertThat(message).contains("modelId must be a string").contains("sampleIds must be an array").contains("signature.x");
    }

    @Test
    void aMissingOrUnknownTokenIs401WithTheBearerChallenge() {
        HttpResponse<String> missing = api.send(api.request(DELETIONS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(assertError(missing, 401)).contains("Authorization: Bearer");
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

        HttpResponse<String> unknown = api.send(api.request("/v1/requests/r1").header("Authorization", "Bearer nope").GET());
        assertThat(assertError(unknown, 401)).doesNotContain("nope");
        assertThat(unknown.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void anUnknownPathIs404AndAWrongMethod405WithAllow() {
        assertThat(assertError(api.get("/v1/nothing"), 404)).contains("POST /v1/deletion-requests");
        assertError(api.get("/v1/requests/"), 404);
        HttpResponse<String> wrongMethod = api.get(DELETIONS);
        assertError(wrongMethod, 405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() {
        String big = "{\"modelId\":\"m\",\"sampleIds\":[\"" + "s".repeat(ApiFixture.MAX_BODY) + "\"]}";
        assertThat(assertError(api.post(DELETIONS, big), 413)).contains(Integer.toString(ApiFixture.MAX_BODY));

        HttpResponse<String> chunked = api.send(api.request(DELETIONS).header("Authorization", "Bearer " + ApiFixture.BANK_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))));
        assertError(chunked, 413);
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIs415() {
        HttpResponse<String> text = api.send(api.request(DELETIONS).header("Authorization", "Bearer " + ApiFixture.BANK_TOKEN)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"modelId\":\"m\"}")));
        assertThat(assertError(text, 415)).contains("application/json");
        HttpResponse<String> latin1 = api.send(api.request(DELETIONS).header("Authorization", "Bearer " + ApiFixture.BANK_TOKEN)
                .header("Content-Type", "application/json; charset=ISO-8859-1").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertError(latin1, 415);
    }

    @Test
    void missingOrBadValuesAre422ListingEveryProblem() {
        assertThat(assertError(api.post(DELETIONS, "{\"subjectId\":\"s\"}"), 422)).contains("modelId is required");
        assertThat(assertError(api.post(DELETIONS, "{\"subjectId\":\"s\",\"modelId\":\"m\",\"receivedAt\":\"yesterday\","
                + "\"legalBasis\":\"GDPR\"}"), 422)).contains("receivedAt 'yesterday'").contains("legalBasis 'GDPR'");
        assertThat(assertError(api.post(DELETIONS, "{\"modelId\":\"m\",\"sampleIds\":[]}"), 422)).contains("subjectId, sampleIds");
        assertThat(assertError(api.post("/v1/concept-removals", "{\"modelId\":\"m\",\"conceptName\":\"shoes\"}"), 422))
                .contains("conceptLabels, exampleSampleIds");
        assertThat(assertError(api.post(DELETIONS, "{\"subjectId\":\"s\",\"modelId\":\"m\",\"signature\":{\"keyId\":\"k\","
                + "\"value\":\"**\"}}"), 422)).contains("not base64");
    }
}
