package io.unlearn.ingest.internals.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.ingest.IngestConfig;
import io.unlearn.ingest.IngestException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Binding, orderly stop and settings. */
class IngestHttpServerTest {

    @Test
    void theConstructorBindsSoThePortIsKnownAndATakenPortFailsNamingIt() {
        try (ApiFixture api = new ApiFixture()) {
            assertThat(api.server.port()).isPositive();
            assertThatThrownBy(() -> new ApiFixture(api.server.port())).isInstanceOf(IngestException.class)
                    .hasMessageContaining("127.0.0.1:" + api.server.port()).hasMessageContaining("http.port");
        }
    }

    @Test
    void closeRefusesNewRequestsLetsARunningOneFinishThenFreesThePort() throws Exception {
        ApiFixture api = new ApiFixture();
        CountDownLatch publishing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        api.whilePublishing.set(() -> {
            publishing.countDown();
            await(release);
        });
        CompletableFuture<HttpResponse<String>> running = CompletableFuture.supplyAsync(
                () -> api.post("/v1/deletion-requests", "{\"subjectId\":\"s\",\"modelId\":\"m\"}"));
        assertThat(publishing.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(api::close);
        HttpResponse<String> refused = api.send(api.request("/healthz").GET());
        for (int i = 0; i < 100 && refused.statusCode() == 200; i++) {
            Thread.sleep(20);
            refused = api.send(api.request("/healthz").GET());
        }
        assertThat(ApiFixture.assertError(refused, 503)).contains("shutting down");
        assertThat(closing).isNotDone();
        release.countDown();

        assertThat(running.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        closing.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> api.send(api.request("/healthz").GET())).isInstanceOf(UncheckedIOException.class);
        new ApiFixture(api.server.port()).close();
    }

    @Test
    void settingsComeFromTheConfigAndNeverShowTheTokens() {
        IngestConfig config = IngestConfig.of(Map.of(IngestConfig.BOOTSTRAP_SERVERS, "localhost:9092",
                IngestConfig.SCHEMA_REGISTRY_URL, "http://localhost:8081", IngestConfig.HTTP_TOKENS, "bank=s3cret,ops=t0ken",
                IngestConfig.HTTP_PORT, "0"));

        HttpSettings settings = HttpSettings.from(config);

        assertThat(settings.tokens()).isEqualTo(Map.of("s3cret", "bank", "t0ken", "ops"));
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.maxBodyBytes()).isEqualTo(1 << 20);
        assertThat(settings.toString()).contains("[bank, ops]").doesNotContain("s3cret").doesNotContain("t0ken");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
