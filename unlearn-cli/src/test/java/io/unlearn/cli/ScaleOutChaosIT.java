package io.unlearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.audit.Audit;
import io.unlearn.audit.AuditOptions;
import io.unlearn.audit.AuditReport;
import io.unlearn.audit.AuditResult;
import io.unlearn.audit.AuditSigners;
import io.unlearn.ingest.IngestConfig;
import io.unlearn.ingest.IngestService;
import io.unlearn.ml.data.FashionMnist;
import io.unlearn.runtime.ServiceProcess;
import io.unlearn.schemas.EventContract;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.TrustedKeys;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import io.unlearn.worker.BaseModels;
import io.unlearn.worker.CatalogImporter;
import io.unlearn.worker.WorkerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three worker processes in one consumer group share three models (one per partition of the accepted topic); one is
 * killed with SIGKILL in the middle of a batch, and once a replacement joins, another is killed while that rebalance is
 * under way. Every request must still be applied by exactly one version, each model's lineage must stay one unbroken
 * chain (no version built on a stale head, no version number used twice), and {@code audit replay} must verify the log.
 */
@ExtendWith(LocalStackExtension.class)
class ScaleOutChaosIT {
    private static final int PER_MODEL_AND_ROUND = 4;

    @Test
    void workersShareTheModelsAndLoseNothingWhenKilledMidBatchAndMidRebalance(LocalStack stack, @TempDir Path dir) throws Exception {
        SchemaRegistryClient registry = SchemaRegistryClient.create(stack.registryUrl());
        Map<String, Object> client = Map.of("bootstrap.servers", stack.bootstrapServers());
        EventContract.install(client, registry);
        new CatalogImporter(client, registry, Clock.systemUTC()).importView(FashionMnist.load().train().slice(0, 1200), n -> { });
        String prefix = "s" + UUID.randomUUID().toString().substring(0, 6);
        List<String> models = ScaleOutGroup.onePerPartition(prefix);
        Map<String, Object> common = new HashMap<>(client);
        common.put("schema.registry.url", stack.registryUrl());
        common.put("artifact.dir", dir.resolve("artifacts").toString());
        common.put("dataset.limit", "1200");
        for (String m : models) {
            BaseModels.trainAndPublish(WorkerConfig.of(common), m, "mlp", 1, e -> { }, Clock.systemUTC());
        }
        Map<String, Object> ingestProps = new HashMap<>(client);
        ingestProps.put("schema.registry.url", stack.registryUrl());
        ingestProps.put("state.dir", dir.resolve("ingest").toString());
        ingestProps.put("http.enabled", "false");
        ScaleOutGroup group = new ScaleOutGroup(stack, registry, common, "scale-" + prefix, dir.resolve("logs"));
        List<String> sent = new ArrayList<>();
        try (IngestService ingest = IngestService.start(IngestConfig.of(ingestProps), Clock.systemUTC(), Duration.ofSeconds(120))) {
            for (int i = 0; i < 3; i++) {
                group.startAndAwait(i);
            }
            group.awaitSpread(3, Duration.ofSeconds(60));
            sent.addAll(group.send(models, prefix, 0, PER_MODEL_AND_ROUND));

            ServiceProcess midBatch = group.awaitBatchRunning(Duration.ofSeconds(120));
            assertThat(midBatch).as("a worker was seen in the middle of a batch").isNotNull();
            int generationBefore = group.newestGeneration();
            midBatch.kill();
            group.awaitGenerationAfter(generationBefore, Duration.ofSeconds(60)); // its partition moved to a survivor

            ServiceProcess replacement = group.start(3);
            ServiceProcess midRebalance = group.awaitRevocationAfterStart(replacement, Duration.ofSeconds(120));
            assertThat(midRebalance).as("a survivor's partitions were revoked by the replacement's join").isNotNull();
            midRebalance.kill();
            assertThat(replacement.awaitReady(Duration.ofSeconds(120))).as("the replacement joined").isTrue();
            sent.addAll(group.send(models, prefix, 1, PER_MODEL_AND_ROUND));

            group.awaitAllApplied(sent, Duration.ofSeconds(300));
        } finally {
            group.close();
        }
        group.assertExactlyOnceAndUnbrokenLineage(models, sent);

        AuditResult audit = Audit.replay(AuditOptions.custom().setBootstrapServers(stack.bootstrapServers())
                .setRegistryUrl(stack.registryUrl()).optModels(models)
                // no evaluator runs here (the subject is the workers): missing reports are only warned about
                .optReportGrace(Duration.ofDays(1))
                .optSigners(new AuditSigners(TrustedKeys.load(List.of(dir.resolve("artifacts/signing/worker.pub"))), null)).build());
        assertThat(audit.verified()).as(AuditReport.text().render(audit) + "\n" + audit.verdictLine()).isTrue();
    }
}
