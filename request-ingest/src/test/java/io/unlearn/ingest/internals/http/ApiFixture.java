package io.unlearn.ingest.internals.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.unlearn.events.ConceptRemovalRequest;
import io.unlearn.events.DeletionRequest;
import io.unlearn.ingest.IngestException;
import io.unlearn.ingest.RequestPublisher;
import io.unlearn.ingest.StatusLookup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;

/** A real {@link IngestHttpServer} on a free loopback port, over a recording publisher and a map of statuses. */
final class ApiFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final String BANK_TOKEN = "t-bank-123";
    static final int MAX_BODY = 2048;
    static final ObjectMapper JSON = new ObjectMapper();

    final List<SpecificRecord> published = new CopyOnWriteArrayList<>();
    final AtomicReference<String> publishFailure = new AtomicReference<>();
    final AtomicReference<Runnable> whilePublishing = new AtomicReference<>(() -> { });
    final Map<String, StatusLookup.Result> statuses = new ConcurrentHashMap<>();
    final AtomicReference<String> streamsState = new AtomicReference<>("RUNNING");
    final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final IngestHttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ApiFixture() {
        this(0);
    }

    ApiFixture(int port) {
        RequestPublisher publisher = new RequestPublisher() {
            @Override
            public void publish(DeletionRequest request) {
                record(request);
            }

            @Override
            public void publish(ConceptRemovalRequest request) {
                record(request);
            }
        };
        HttpSettings settings = new HttpSettings("127.0.0.1", port, Map.of(BANK_TOKEN, "bank", "t-ops-456", "ops"), MAX_BODY);
        server = new IngestHttpServer(settings, publisher, id -> statuses.getOrDefault(id, new StatusLookup.NotFound()),
                streamsState::get, meters, Clock.fixed(NOW, ZoneOffset.UTC));
        server.start();
    }

    private void record(SpecificRecord request) {
        whilePublishing.get().run();
        if (publishFailure.get() != null) {
            throw new IngestException(publishFailure.get());
        }
        published.add(request);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Authorization", "Bearer " + BANK_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(String path) {
        return send(request(path).header("Authorization", "Bearer " + BANK_TOKEN).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Reply.JSON_TYPE);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** Asserts the status and the error body every error has; returns its message. */
    static String assertError(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).isNotBlank();
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(body.size()).isEqualTo(3);
        return body.get("message").asText();
    }

    @Override
    public void close() {
        server.close();
        meters.close();
    }
}
