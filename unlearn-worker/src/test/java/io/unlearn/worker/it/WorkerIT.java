package io.unlearn.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.ml.model.Classifier;
import io.unlearn.schemas.Digests;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import io.unlearn.worker.BaseModels;
import io.unlearn.worker.FileArtifactStore;
import io.unlearn.worker.WorkerService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The worker on the real stack: a batch becomes one version whose lineage verifies; a poisoned batch publishes nothing. */
@ExtendWith(LocalStackExtension.class)
class WorkerIT {

    @Test
    void aBatchBecomesOneVersionWithLineageStatusesAndForgottenSamples(LocalStack stack, @TempDir Path artifacts) throws Exception {
        WorkerFixture f = new WorkerFixture(stack, artifacts);
        String model = f.prefix + "-cnn";
        ModelVersion v1 = BaseModels.trainAndPublish(f.config(), model, "cnn", 1, e -> { }, Clock.systemUTC());
        try (WorkerService worker = WorkerFixture.ready(WorkerService.start(f.config(), Clock.systemUTC(), new SimpleMeterRegistry()))) {
            f.send(IntStream.range(0, 4).mapToObj(i -> f.deletion(model, f.prefix + "-r" + i,
                    List.of(WorkerFixture.sample(3 * i), WorkerFixture.sample(3 * i + 1), WorkerFixture.sample(3 * i + 2)))).toList());
            List<ModelVersion> versions = f.versions(model, 2, Duration.ofSeconds(120));
            assertThat(versions).hasSize(2);
            ModelVersion v2 = versions.get(1);
            List<String> ids = IntStream.range(0, 4).mapToObj(i -> f.prefix + "-r" + i).sorted().toList();
            assertThat(v2.getKind()).isEqualTo(ModelVersionKind.UNLEARNED);
            assertThat(v2.getVersion()).isEqualTo(2);
            assertThat(v2.getParentVersionId()).isEqualTo(v1.getVersionId());
            assertThat(v2.getAppliedRequestIds()).containsExactlyElementsOf(ids);
            assertThat(v2.getForgetSetSize()).isEqualTo(12);
            assertThat(v2.getExcludedSamplesDigest()).isEqualTo(Digests.forgetSetDigest(IntStream.range(0, 12)
                    .mapToObj(WorkerFixture::sample).toList()));
            assertThat(v2.getLineageHash()).isEqualTo(Digests.lineageHash(v1.getLineageHash(), v2.getArtifactSha256(), ids));
            try (Classifier loaded = new FileArtifactStore(artifacts).load(v2.getArtifactUri(), v2.getArtifactSha256(), Device.cpu())) {
                assertThat(loaded.sha256()).isEqualTo(v2.getArtifactSha256());
            }
            List<RequestStatus> st = f.statuses(s -> s.getRequestId().startsWith(f.prefix), 8, Duration.ofSeconds(30));
            assertThat(st).filteredOn(s -> s.getState() == RequestState.APPLIED).hasSize(4)
                    .allSatisfy(s -> assertThat(s.getVersionId()).isEqualTo(v2.getVersionId()));
            assertThat(st).filteredOn(s -> s.getState() == RequestState.BATCHED).hasSize(4);
            assertThat(f.forgotten(model, 12, Duration.ofSeconds(30))).hasSize(12);
            io.unlearn.schemas.TrustedKeys workerKey = io.unlearn.schemas.TrustedKeys.load(List.of(artifacts.resolve("signing/worker.pub")));
            assertThat(versions).as("the BASE from models train and the worker's version, both signed with the key generated under artifact.dir")
                    .allSatisfy(v -> assertThat(io.unlearn.schemas.EventSignatures.verify(v, workerKey))
                            .isEqualTo(io.unlearn.schemas.EventSignatures.Check.VALID));
            assertThat(worker.isRunning()).isTrue();
        }
    }

    @Test
    void theSameAcceptedRequestPublishedTwiceIsAppliedOnceAndAgainAfterItsVersionNotAtAll(LocalStack stack, @TempDir Path artifacts) throws Exception {
        WorkerFixture f = new WorkerFixture(stack, artifacts);
        String model = f.prefix + "-dup";
        BaseModels.trainAndPublish(f.config(), model, "mlp", 1, e -> { }, Clock.systemUTC());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (WorkerService worker = WorkerFixture.ready(WorkerService.start(f.config(), Clock.systemUTC(), meters))) {
            io.unlearn.events.AcceptedRequest twice = f.deletion(model, f.prefix + "-twice", List.of(WorkerFixture.sample(20), WorkerFixture.sample(21)));
            f.send(List.of(twice, twice)); // straight to the accepted topic: ingest's de-duplication is bypassed
            List<ModelVersion> versions = f.versions(model, 2, Duration.ofSeconds(120));
            assertThat(versions).hasSize(2);
            assertThat(versions.get(1).getAppliedRequestIds()).containsExactly(f.prefix + "-twice");
            assertThat(versions.get(1).getForgetSetSize()).isEqualTo(2);

            // once more after its version, with a request behind it on the same partition that shows the worker read past it
            f.send(List.of(twice, f.deletion(model, f.prefix + "-after", List.of(WorkerFixture.sample(22)))));
            versions = f.versions(model, 3, Duration.ofSeconds(120));
            assertThat(versions).hasSize(3);
            assertThat(versions.get(2).getAppliedRequestIds()).containsExactly(f.prefix + "-after");
            List<RequestStatus> st = f.statuses(s -> s.getRequestId().equals(f.prefix + "-twice"), 2, Duration.ofSeconds(30));
            assertThat(st).extracting(RequestStatus::getState).containsExactly(RequestState.BATCHED, RequestState.APPLIED);
            assertThat(meters.counter("unlearn.worker.duplicates", "why", "pending").count()).isEqualTo(1.0);
            assertThat(meters.counter("unlearn.worker.duplicates", "why", "applied").count()).isEqualTo(1.0);
        }
    }

    @Test
    void aPoisonedBatchPublishesNoVersionFailsItsRequestsAndDoesNotBlockOtherModels(LocalStack stack, @TempDir Path artifacts) throws Exception {
        WorkerFixture f = new WorkerFixture(stack, artifacts);
        String poisoned = f.prefix + "-poisoned";
        String healthy = f.prefix + "-healthy";
        ModelVersion p1 = BaseModels.trainAndPublish(f.config(), poisoned, "mlp", 1, e -> { }, Clock.systemUTC());
        ModelVersion h1 = BaseModels.trainAndPublish(f.config(), healthy, "mlp", 2, e -> { }, Clock.systemUTC());
        assertThat(h1.getArtifactSha256()).as("distinct artifacts, so only one is corrupted").isNotEqualTo(p1.getArtifactSha256());
        Path params = Path.of(java.net.URI.create(p1.getArtifactUri())).resolve("parameters.djl");
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length / 2] ^= 1;
        Files.write(params, bytes);
        try (WorkerService worker = WorkerFixture.ready(WorkerService.start(f.config("batch.max.requests", "1"), Clock.systemUTC(), new SimpleMeterRegistry()))) {
            f.send(List.of(f.deletion(poisoned, f.prefix + "-bad", List.of(WorkerFixture.sample(5))),
                    f.deletion(healthy, f.prefix + "-good", List.of(WorkerFixture.sample(6)))));
            assertThat(f.versions(healthy, 2, Duration.ofSeconds(120))).hasSize(2);
            List<RequestStatus> failed = f.statuses(s -> s.getRequestId().equals(f.prefix + "-bad")
                    && s.getState() == RequestState.FAILED, 1, Duration.ofSeconds(60));
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).getReason()).contains("corrupt or tampered");
            assertThat(f.versions(poisoned, 2, Duration.ofSeconds(3))).hasSize(1);
            assertThat(worker.isRunning()).isTrue();
        }
    }

    @Test
    void aDivergingMethodIsReportedAsFailedWithTheReason(LocalStack stack, @TempDir Path artifacts) throws Exception {
        WorkerFixture f = new WorkerFixture(stack, artifacts);
        String model = f.prefix + "-diverge";
        BaseModels.trainAndPublish(f.config(), model, "mlp", 1, e -> { }, Clock.systemUTC());
        try (WorkerService worker = WorkerFixture.ready(WorkerService.start(f.config("method", "ga", "method.lr", "1e30", "method.epochs", "3", "batch.max.requests", "1"),
                Clock.systemUTC(), new SimpleMeterRegistry()))) {
            f.send(List.of(f.deletion(model, f.prefix + "-nan", List.of(WorkerFixture.sample(7), WorkerFixture.sample(8)))));
            List<RequestStatus> failed = f.statuses(s -> s.getRequestId().equals(f.prefix + "-nan")
                    && s.getState() == RequestState.FAILED, 1, Duration.ofSeconds(120));
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).getReason()).containsAnyOf("NaN", "non-finite", "diverge");
            assertThat(f.versions(model, 2, Duration.ofSeconds(3))).hasSize(1);
        }
    }

    @Test
    void twoWorkersShareTheModelsByPartitionAndApplyEachRequestOnce(LocalStack stack, @TempDir Path artifacts) throws Exception {
        WorkerFixture f = new WorkerFixture(stack, artifacts);
        List<String> models = new java.util.ArrayList<>();
        java.util.Set<Integer> partitions = new java.util.HashSet<>();
        for (int i = 0; partitions.size() < 3; i++) {
            String m = f.prefix + "-m" + i;
            int partition = org.apache.kafka.common.utils.Utils.toPositive(
                    org.apache.kafka.common.utils.Utils.murmur2(m.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % 3;
            if (partitions.add(partition)) {
                models.add(m);
                BaseModels.trainAndPublish(f.config(), m, "mlp", 1 + models.size(), e -> { }, Clock.systemUTC());
            }
        }
        SimpleMeterRegistry metersA = new SimpleMeterRegistry();
        SimpleMeterRegistry metersB = new SimpleMeterRegistry();
        try (WorkerService a = WorkerFixture.ready(WorkerService.start(f.config("instance.id", "a", "batch.max.requests", "2"), Clock.systemUTC(), metersA));
             WorkerService b = WorkerService.start(f.config("instance.id", "b", "batch.max.requests", "2"), Clock.systemUTC(), metersB)) {
            WorkerFixture.ready(b);
            Thread.sleep(3000); // let the group settle on two members before the requests arrive
            List<io.unlearn.events.AcceptedRequest> requests = new java.util.ArrayList<>();
            for (int m = 0; m < 3; m++) {
                for (int r = 0; r < 2; r++) {
                    requests.add(f.deletion(models.get(m), f.prefix + "-" + m + "-" + r, List.of(WorkerFixture.sample(10 * m + r))));
                }
            }
            f.send(requests);
            for (String m : models) {
                List<ModelVersion> versions = f.versions(m, 2, Duration.ofSeconds(120));
                assertThat(versions).as(m).hasSize(2);
                assertThat(versions.get(1).getAppliedRequestIds()).hasSize(2);
            }
            double byA = metersA.counter("unlearn.worker.requests", "outcome", "applied").count();
            double byB = metersB.counter("unlearn.worker.requests", "outcome", "applied").count();
            assertThat(byA + byB).isEqualTo(6.0);
            assertThat(byA).as("worker a did part of the work").isPositive();
            assertThat(byB).as("worker b did part of the work").isPositive();
        }
    }

    @Test
    void consolidationRetrainsFromScratchAfterTheConfiguredNumberOfRequests(LocalStack stack, @TempDir Path artifacts) throws Exception {
        WorkerFixture f = new WorkerFixture(stack, artifacts);
        String model = f.prefix + "-consolidated";
        BaseModels.trainAndPublish(f.config(), model, "mlp", 1, e -> { }, Clock.systemUTC());
        try (WorkerService worker = WorkerFixture.ready(WorkerService.start(f.config("batch.max.requests", "2", "consolidation.every.requests", "4"),
                Clock.systemUTC(), new SimpleMeterRegistry()))) {
            f.send(IntStream.range(0, 4).mapToObj(i -> f.deletion(model, f.prefix + "-c" + i, List.of(WorkerFixture.sample(40 + i)))).toList());
            List<ModelVersion> versions = f.versions(model, 4, Duration.ofSeconds(180));
            assertThat(versions).extracting(ModelVersion::getKind).containsExactly(ModelVersionKind.BASE,
                    ModelVersionKind.UNLEARNED, ModelVersionKind.UNLEARNED, ModelVersionKind.RETRAINED);
            ModelVersion retrained = versions.get(3);
            assertThat(retrained.getMethod()).isEqualTo("retrain");
            assertThat(retrained.getForgetSetSize()).isEqualTo(4);
            assertThat(retrained.getAppliedRequestIds()).isEmpty();
            assertThat(retrained.getLineageHash()).isEqualTo(Digests.lineageHash(versions.get(2).getLineageHash(),
                    retrained.getArtifactSha256(), List.of()));
        }
    }
}
