package io.unlearn.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.SuppressionConfig;
import io.unlearn.ml.suppression.ConceptAccuracy;
import io.unlearn.ml.suppression.ConceptSplits;
import io.unlearn.schemas.Digests;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import io.unlearn.worker.BaseModels;
import io.unlearn.worker.WorkerService;
import io.unlearn.worker.testing.PublishedSuppressions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concept removal on the real stack: a concept request becomes a SUPPRESSED version on the head's weights, whose effect the
 * test measures itself from the published artifacts on the evaluation split (not the worker's calibration figures, which it
 * only checks were taken on the calibration half); a later
 * deletion changes the weights, so the worker derives the concept again on them; a concept naming an unknown class
 * fails with the reason.
 */
@ExtendWith(LocalStackExtension.class)
class ConceptRemovalIT {
    private static final List<String> FOOTWEAR = List.of("Sandal", "Sneaker", "Ankle boot");
    private static final String[] QUICK_SAE = {"concept.sae.epochs", "4", "concept.features", "8,32,128", "concept.scales", "-1.0,-2.0"};

    @Test
    void aConceptBecomesASuppressedVersionThatSurvivesALaterDeletion(LocalStack stack, @TempDir Path artifacts) throws Exception {
        WorkerFixture f = new WorkerFixture(stack, artifacts);
        String model = f.prefix + "-concepts";
        ModelVersion v1 = BaseModels.trainAndPublish(f.config(), model, "mlp", 2, e -> { }, Clock.systemUTC());
        try (WorkerService worker = WorkerFixture.ready(WorkerService.start(f.config(QUICK_SAE), Clock.systemUTC(), new SimpleMeterRegistry()))) {
            f.send(List.of(concept(model, f.prefix + "-footwear", "footwear", FOOTWEAR)));
            ModelVersion v2 = f.versions(model, 2, Duration.ofSeconds(180)).get(1);
            assertThat(v2.getKind()).isEqualTo(ModelVersionKind.SUPPRESSED);
            assertThat(v2.getMethod()).isEqualTo("SAE-suppression");
            assertThat(v2.getArtifactSha256()).as("no weight changes").isEqualTo(v1.getArtifactSha256());
            assertThat(v2.getAppliedRequestIds()).containsExactly(f.prefix + "-footwear");
            assertThat(v2.getLineageHash()).isEqualTo(Digests.lineageHash(v1.getLineageHash(), v1.getArtifactSha256(),
                    List.of(f.prefix + "-footwear")));
            SuppressionConfig footwear = v2.getSuppression();
            assertThat(footwear.getConceptLabels()).containsExactly("Sandal", "Sneaker", "Ankle boot");
            assertThat(footwear.getModelSha256()).isEqualTo(v1.getArtifactSha256());
            assertThat(footwear.getFeatures()).isNotEmpty();
            assertThat(v2.getActiveSuppressions()).containsExactly(footwear);
            ConceptAccuracy.Measured measured = PublishedSuppressions.measure(v2, WorkerFixture.TRAIN, FOOTWEAR);
            assertThat(measured.after()).as("footwear on the evaluation split, measured here from the published artifacts: %s", measured)
                    .isLessThan(measured.before() - 20);
            ConceptAccuracy.Measured calibrated = PublishedSuppressions.measure(v2, WorkerFixture.TRAIN, FOOTWEAR, ConceptSplits::calibration);
            assertThat(v2.getHyperparameters()).as("the worker calibrated on the calibration half")
                    .containsEntry("footwear.calibration_concept_acc", String.format(Locale.ROOT, "%.1f -> %.1f", calibrated.before(), calibrated.after()))
                    .containsEntry("footwear.calibration_other_acc", String.format(Locale.ROOT, "%.1f -> %.1f", calibrated.otherBefore(),
                            calibrated.otherAfter()));
            assertThat(f.statuses(s -> s.getRequestId().equals(f.prefix + "-footwear") && s.getState() == RequestState.APPLIED, 1,
                    Duration.ofSeconds(30))).extracting(RequestStatus::getVersionId).containsExactly(v2.getVersionId());

            f.send(List.of(f.deletion(model, f.prefix + "-del", List.of(WorkerFixture.sample(1), WorkerFixture.sample(2)))));
            List<ModelVersion> versions = f.versions(model, 4, Duration.ofSeconds(240));
            assertThat(versions).extracting(ModelVersion::getKind).containsExactly(ModelVersionKind.BASE, ModelVersionKind.SUPPRESSED,
                    ModelVersionKind.UNLEARNED, ModelVersionKind.SUPPRESSED);
            ModelVersion v3 = versions.get(2);
            ModelVersion v4 = versions.get(3);
            assertThat(v3.getActiveSuppressions()).as("new weights: the old SAE no longer applies").isEmpty();
            assertThat(v4.getSuppression()).as("v4 adds no concept of its own").isNull();
            assertThat(v4.getAppliedRequestIds()).isEmpty();
            assertThat(v4.getArtifactSha256()).isEqualTo(v3.getArtifactSha256());
            assertThat(v4.getActiveSuppressions()).singleElement().satisfies(c -> {
                assertThat(c.getConceptName()).isEqualTo("footwear");
                assertThat(c.getModelSha256()).isEqualTo(v3.getArtifactSha256());
                assertThat(c.getSaeSha256()).isNotEqualTo(footwear.getSaeSha256());
            });
            ConceptAccuracy.Measured rederived = PublishedSuppressions.measure(v4, WorkerFixture.TRAIN, FOOTWEAR);
            assertThat(rederived.after()).as("footwear suppressed again on the new weights: %s", rederived).isLessThan(rederived.before() - 20);

            f.send(List.of(concept(model, f.prefix + "-bad", "hats", List.of("Hat"))));
            List<RequestStatus> failed = f.statuses(s -> s.getRequestId().equals(f.prefix + "-bad") && s.getState() == RequestState.FAILED,
                    1, Duration.ofSeconds(60));
            assertThat(failed).singleElement().satisfies(s -> assertThat(s.getReason()).contains("unknown class 'Hat'").contains("Sneaker"));
            assertThat(worker.isRunning()).isTrue();
        }
    }

    private static AcceptedRequest concept(String model, String id, String name, List<String> labels) {
        Instant now = Instant.now();
        return AcceptedRequest.newBuilder().setRequestId(id).setKind(RequestKind.CONCEPT).setModelId(model).setRequester("it")
                .setConceptName(name).setConceptLabels(labels).setReceivedAt(now).setAcceptedAt(now)
                .setDeadline(now.plus(Duration.ofDays(30))).build();
    }
}
