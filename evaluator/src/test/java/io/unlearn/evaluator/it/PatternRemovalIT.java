package io.unlearn.evaluator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unlearn.evaluator.EvaluatorService;
import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.Verdict;
import io.unlearn.ml.TestData;
import io.unlearn.ml.data.Backdoor;
import io.unlearn.ml.data.StampedDataset;
import io.unlearn.ml.suppression.ConceptSplits;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import io.unlearn.worker.WorkerService;
import io.unlearn.worker.testing.PublishedPatterns;
import io.unlearn.worker.testing.StampedBase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A concept carried by the input, removed end to end on the real stack: worker and evaluator run on {@code fmnist-stamped}
 * (dataset.name), a CNN base learns the corner stamp's backdoor (trained and published by the test with {@link StampedBase}'s
 * recipe, which separates the stamp from Trouser; see there), a concept request names the stamp's examples by their
 * sample ids, the worker publishes a SUPPRESSED version and the evaluator CERTIFIES it. The test measures the stamp's effect
 * and clean accuracy itself from the published artifacts on the evaluation half and checks the report against it; a request
 * mixing stamped and clean examples fails with the reason.
 */
@ExtendWith(LocalStackExtension.class)
class PatternRemovalIT {
    private static final Duration WAIT = Duration.ofSeconds(240);
    private static final int LIMIT = 3000;
    private static final String[] STAMPED = {"dataset.name", "fmnist-stamped", "dataset.limit", Integer.toString(LIMIT)};
    private static final String[] PATTERN_SAE = {"concept.sae.kind", "RELU_L1", "concept.sae.expansion", "4", "concept.sae.epochs", "8",
            "concept.features", "4,8,16,32", "concept.scales", "-1.0,-2.0", "concept.clamps", "0.0"};

    @Test
    void theStampNamedByItsExamplesIsRemovedAndCertifiedWithCleanAccuracyHeld(LocalStack stack, @TempDir Path dir) throws Exception {
        EvaluatorFixture f = new EvaluatorFixture(stack, dir.resolve("artifacts"));
        String model = f.prefix + "-stamped";
        StampedDataset data = StampedDataset.of(TestData.fashionMnist(), Backdoor.ofDefaults()).limitedTo(LIMIT);
        List<String> examples = List.copyOf(data.stampedTrainIds());
        try (EvaluatorService evaluator = f.startEvaluator(dir.resolve("evaluator"), Map.of("dataset.name", "fmnist-stamped",
                "dataset.limit", Integer.toString(LIMIT)));
             WorkerService worker = WorkerService.start(f.worker(settings()), Clock.systemUTC(), new SimpleMeterRegistry())) {
            assertThat(worker.awaitReady(Duration.ofSeconds(60))).as("the worker joined its group").isTrue();
            f.sendVersion(new StampedBase(f.artifacts, data, model).version());
            f.sendRequests(List.of(concept(f, model, "stamp", examples)));
            List<ModelVersion> versions = f.versions(model, 2, WAIT);
            assertThat(versions).as("the worker published the SUPPRESSED version").hasSize(2);
            ModelVersion v = versions.get(1);
            assertThat(v.getKind()).isEqualTo(ModelVersionKind.SUPPRESSED);
            assertThat(v.getSuppression().getConceptLabels()).isEmpty();
            assertThat(v.getSuppression().getExampleSampleIds()).containsExactlyInAnyOrderElementsOf(examples);
            assertThat(v.getHyperparameters()).containsEntry("corner-stamp.kind", "pattern");

            PublishedPatterns.Measured own = PublishedPatterns.measure(v, data, ConceptSplits::evaluation);
            assertThat(own.before().excess()).as("the base learned the stamp: %s", own.before()).isGreaterThan(50);
            assertThat(own.after().excess()).as("measured here on the evaluation half: %s -> %s", own.before(), own.after())
                    .isLessThanOrEqualTo(10);
            assertThat(own.after().cleanAccuracy()).as("clean accuracy held: %s -> %s", own.before(), own.after())
                    .isGreaterThanOrEqualTo(own.before().cleanAccuracy() - 5);
            assertThat(own.after().targetAccuracy()).as("Trouser itself kept: %s -> %s", own.before(), own.after())
                    .isGreaterThanOrEqualTo(own.before().targetAccuracy() - 5);

            EvaluationReport r = f.basicReport(v.getVersionId(), WAIT);
            assertThat(r.getVerdict()).as("failing: %s, metrics: %s", r.getFailingCriteria(), r.getMetrics()).isEqualTo(Verdict.CERTIFIED);
            assertThat(r.getMetrics().get("concept.corner-stamp.accuracy")).isCloseTo(own.after().effect(), within(1e-6));
            assertThat(r.getMetrics().get("concept.corner-stamp.accuracy.before")).isCloseTo(own.before().effect(), within(1e-6));
            assertThat(r.getMetrics().get("concept.corner-stamp.clean.rate")).isCloseTo(own.after().cleanTargetRate(), within(1e-6));
            assertThat(r.getMetrics().get("concept.corner-stamp.clean.accuracy")).isCloseTo(own.after().cleanAccuracy(), within(1e-6));
            assertThat(r.getMetrics().get("concept.corner-stamp.clean.accuracy.before")).isCloseTo(own.before().cleanAccuracy(), within(1e-6));
            assertThat(r.getMetrics().get("concept.accuracy")).isCloseTo(own.after().excess(), within(1e-6));
            assertThat(f.statuses(s -> s.getRequestId().equals(f.prefix + "-stamp") && s.getEmittedBy().equals("evaluator"), 1, WAIT))
                    .extracting(RequestStatus::getState).containsExactly(RequestState.VERIFIED);

            List<String> mixed = new ArrayList<>(examples.subList(0, 5));
            mixed.add(data.dataset().train().ids().stream().filter(id -> !StampedDataset.isStamped(id)).findFirst().orElseThrow());
            f.sendRequests(List.of(concept(f, model, "mixed", mixed)));
            assertThat(f.statuses(s -> s.getRequestId().equals(f.prefix + "-mixed") && s.getState() == RequestState.FAILED, 1, WAIT))
                    .singleElement().satisfies(s -> assertThat(s.getReason()).contains("mixes 5 stamped example(s)"));
        }
    }

    private static String[] settings() {
        String[] out = new String[STAMPED.length + PATTERN_SAE.length];
        System.arraycopy(STAMPED, 0, out, 0, STAMPED.length);
        System.arraycopy(PATTERN_SAE, 0, out, STAMPED.length, PATTERN_SAE.length);
        return out;
    }

    private static AcceptedRequest concept(EvaluatorFixture f, String model, String name, List<String> examples) {
        Instant now = Instant.now();
        return AcceptedRequest.newBuilder().setRequestId(f.prefix + "-" + name).setKind(RequestKind.CONCEPT).setModelId(model)
                .setRequester("it").setConceptName("corner-stamp").setConceptLabels(List.of()).setSampleIds(examples)
                .setReceivedAt(now).setAcceptedAt(now).setDeadline(now.plus(Duration.ofDays(30))).build();
    }
}
