package io.unlearn.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.unlearn.events.DeletionRequest;
import io.unlearn.events.RequestStatus;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The REST client against a tiny in-test HTTP registry: caching, headers, retries, timeouts, error codes. */
class RestSchemaRegistryClientTest {

    private static final Schema SCHEMA = DeletionRequest.getClassSchema();
    private FakeRegistryServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeRegistryServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SchemaRegistryConfig.Builder config() {
        return SchemaRegistryConfig.builder().setUrl(server.url())
                .optRequestTimeout(Duration.ofSeconds(2)).optRetryBackoff(Duration.ofMillis(10), Duration.ofMillis(40));
    }

    @Test
    void registerSendsTheConfluentContentTypeAndCachesTheId() {
        SchemaRegistryClient client = SchemaRegistryClient.create(config().build());
        int id = client.register("t-value", SCHEMA);
        assertThat(client.register("t-value", SCHEMA)).isEqualTo(id);
        assertThat(client.lookup("t-value", SCHEMA)).isEqualTo(id);
        assertThat(client.schemaById(id)).isEqualTo(SCHEMA);
        assertThat(server.requests()).hasSize(1);
        FakeRegistryServer.Recorded call = server.requests().get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/subjects/t-value/versions");
        assertThat(call.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(call.header("Accept")).startsWith("application/vnd.schemaregistry.v1+json");
        assertThat(call.header("Authorization")).isNull();
        assertThat(call.body()).contains("\"schema\"").contains("DeletionRequest");
    }

    @Test
    void schemaByIdIsFetchedOnceThenCached() {
        int id = SchemaRegistryClient.create(config().build()).register("t-value", SCHEMA);
        SchemaRegistryClient reader = SchemaRegistryClient.create(config().build());
        assertThat(reader.schemaById(id)).isEqualTo(SCHEMA);
        assertThat(reader.schemaById(id)).isEqualTo(SCHEMA);
        assertThat(server.requests()).extracting(FakeRegistryServer.Recorded::path)
                .containsExactly("/subjects/t-value/versions", "/schemas/ids/" + id);
    }

    @Test
    void sendsBasicAuthFromConfigOrUrlAndBearerTokens() {
        SchemaRegistryClient.create(config().optBasicAuth("alice", "s3cret").build()).compatibility();
        String urlWithUser = server.url().replace("http://", "http://bob:pw@");
        SchemaRegistryClient.create(config().setUrl(urlWithUser).build()).compatibility();
        SchemaRegistryClient.create(config().optBearerToken("tok-1").build()).compatibility();
        assertThat(server.requests()).extracting(r -> r.header("Authorization")).containsExactly(
                "Basic YWxpY2U6czNjcmV0", "Basic Ym9iOnB3", "Bearer tok-1");
    }

    @Test
    void retriesServerErrorsThenSucceeds() {
        server.thenAnswer(503, "unavailable").thenAnswer(500, "{\"error_code\":50001,\"message\":\"store\"}");
        int id = SchemaRegistryClient.create(config().build()).register("t-value", SCHEMA);
        assertThat(id).isPositive();
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void givesUpAfterMaxRetriesSayingSo() {
        for (int i = 0; i < 3; i++) {
            server.thenAnswer(503, "{\"error_code\":50003,\"message\":\"forward error\"}");
        }
        SchemaRegistryClient client = SchemaRegistryClient.create(config().optMaxRetries(2).build());
        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
                () -> client.register("t-value", SCHEMA));
        assertThat(e.isRetriable()).isTrue();
        assertThat(e.errorCode()).isEqualTo(50003);
        assertThat(e).hasMessageContaining("Gave up after 3 attempt(s)").hasMessageContaining("forward error");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void incompatibleSchemaIsNotRetriedAndSaysHowToFixIt() {
        server.thenAnswer(409, "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}");
        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
                () -> SchemaRegistryClient.create(config().build()).register("t-value", SCHEMA));
        assertThat(e.isIncompatible()).isTrue();
        assertThat(e.isRetriable()).isFalse();
        assertThat(e).hasMessageContaining("subject 't-value'").hasMessageContaining("incompatible")
                .hasMessageContaining("give every new field a default");
        assertThat(server.requests()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({
            "404, 40401, subject not found (40401)",
            "404, 40403, schema not found (40403)",
            "422, 42201, rejected the schema as invalid (42201)",
            "422, 42203, invalid compatibility level (42203)",
            "401, 401, refused the credentials (HTTP 401"})
    void errorCodesMapToClearMessages(int status, int code, String expected) {
        server.thenAnswer(status, "{\"error_code\":" + code + ",\"message\":\"registry words\"}");
        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
                () -> SchemaRegistryClient.create(config().build()).lookup("t-value", SCHEMA));
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e).hasMessageContaining(expected).hasMessageContaining("registry words")
                .hasMessageContaining(server.url());
    }

    @Test
    void aPlain404PointsAtTheApiBasePath() {
        server.thenAnswer(404, "<html>Not Found</html>");
        assertThatThrownBy(() -> SchemaRegistryClient.create(config().build()).schemaById(1))
                .isInstanceOf(SchemaRegistryException.class).hasMessageContaining("/apis/ccompat/v7");
    }

    @Test
    void unknownIdIsNotFound() {
        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
                () -> SchemaRegistryClient.create(config().build()).schemaById(999));
        assertThat(e.isNotFound()).isTrue();
        assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
    }

    @Test
    void aSlowRegistryTimesOutOnEveryAttemptAndNeverHangs() {
        server.thenDelay(3000).thenDelay(3000);
        SchemaRegistryClient client = SchemaRegistryClient.create(config()
                .optRequestTimeout(Duration.ofMillis(200)).optMaxRetries(1).build());
        SchemaRegistryException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> catchThrowableOfType(SchemaRegistryException.class, () -> client.schemaById(1)));
        assertThat(e).hasMessageContaining("request timeout (200 ms)").hasMessageContaining("Gave up after 2");
        assertThat(e.httpStatus()).isEqualTo(SchemaRegistryException.NO_RESPONSE);
    }

    @Test
    void aRegistryThatIsNotThereIsReportedWithItsUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SchemaRegistryClient client = SchemaRegistryClient.create(SchemaRegistryConfig.builder()
                .setUrl("http://127.0.0.1:" + port).optMaxRetries(1)
                .optRetryBackoff(Duration.ofMillis(10), Duration.ofMillis(10)).build());
        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(5), client::compatibility))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("http://127.0.0.1:" + port).hasMessageContaining("connection refused")
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void compatibilityChecksAndLevels() {
        SchemaRegistryClient client = SchemaRegistryClient.create(config().build());
        assertThat(client.isCompatible("fresh-value", SCHEMA)).as("no versions yet").isTrue();
        client.setCompatibility(CompatibilityLevel.FULL);
        assertThat(client.compatibility()).isEqualTo(CompatibilityLevel.FULL);
        client.setCompatibility(CompatibilityLevel.BACKWARD);
        client.register("s-value", SCHEMA);
        assertThat(client.isCompatible("s-value", SCHEMA)).isTrue();
        assertThat(client.isCompatible("s-value", RequestStatus.getClassSchema())).isFalse();
        client.setCompatibility("s-value", CompatibilityLevel.NONE);
        assertThat(client.isCompatible("s-value", RequestStatus.getClassSchema())).isTrue();
        assertThat(server.requests()).extracting(r -> r.method() + " " + r.path()).contains("PUT /config/s-value");
    }
}
