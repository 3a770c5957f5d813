package io.unlearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.ingest.IngestConfig;
import io.unlearn.ingest.IngestService;
import io.unlearn.schemas.EventContract;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `unlearn catalog import` and `unlearn request delete|concept --wait` against request-ingest on the real stack. */
@ExtendWith(LocalStackExtension.class)
class CatalogAndRequestIT {

    @Test
    void importedSubjectsCanBeDeletedAndConceptsRequestedFromTheTerminal(LocalStack stack, @TempDir Path state) throws Exception {
        SchemaRegistryClient registry = SchemaRegistryClient.create(stack.registryUrl());
        EventContract.install(Map.of("bootstrap.servers", stack.bootstrapServers()), registry);
        String[] cluster = {"--bootstrap-servers", stack.bootstrapServers(), "--registry-url", stack.registryUrl()};
        assertThat(run("catalog", "import", "--limit", "240", cluster[0], cluster[1], cluster[2], cluster[3]))
                .contains("imported 240 samples of fmnist");
        publishModel(stack, registry, "cli-model");
        Map<String, Object> props = Map.of("bootstrap.servers", stack.bootstrapServers(), "schema.registry.url", stack.registryUrl(),
                "application.id", "cli-it-ingest", "state.dir", state.toString(), "http.enabled", "false");
        try (IngestService ignored = IngestService.start(IngestConfig.of(props), Clock.systemUTC(), Duration.ofSeconds(60))) {
            String deleted = run("request", "delete", "--subject", "fmnist/train/subject-00001", "--model", "cli-model",
                    "--request-id", "cli-del-1", "--wait", "PT60S", "--until", "ACCEPTED", cluster[0], cluster[1], cluster[2], cluster[3]);
            assertThat(deleted).startsWith("cli-del-1").contains("RECEIVED by request-ingest").contains("ACCEPTED by request-ingest");
            String concept = run("request", "concept", "--name", "footwear", "--labels", "Sandal,Sneaker,Ankle boot",
                    "--model", "cli-model", "--request-id", "cli-con-1", "--wait", "PT60S", "--until", "ACCEPTED", cluster[0], cluster[1], cluster[2], cluster[3]);
            assertThat(concept).contains("ACCEPTED by request-ingest");
            String unknown = run("request", "delete", "--samples", "no-such-sample", "--model", "cli-model",
                    "--request-id", "cli-del-2", "--wait", "PT60S", "--until", "ACCEPTED", cluster[0], cluster[1], cluster[2], cluster[3]);
            assertThat(unknown).contains("REJECTED by request-ingest").contains("unknown sample ids");
        }
    }

    private static void publishModel(LocalStack stack, SchemaRegistryClient registry, String model) throws Exception {
        ModelVersion v1 = ModelVersion.newBuilder().setModelId(model).setVersion(1).setVersionId(model + "@v1")
                .setKind(ModelVersionKind.BASE).setMethod("train").setArtifactUri("file:/none").setArtifactSha256("0".repeat(64))
                .setLineageHash("1".repeat(64)).setCreatedAt(Instant.now()).build();
        try (KafkaProducer<String, ModelVersion> p = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                EventSerdes.keySerde().serializer(), EventSerdes.serde(ModelVersion.class, registry).serializer())) {
            p.send(new ProducerRecord<>(Topics.MODEL_VERSIONS.name(), model, v1)).get();
        }
    }

    private static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            int code = UnlearnCommand.commandLine().execute(args);
            assertThat(code).as(String.join(" ", args)).isZero();
        } finally {
            System.setOut(previous);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
