package io.unlearn.evaluator.it;

import static io.unlearn.evaluator.MetricKeys.CONCEPT_ACC;
import static io.unlearn.evaluator.MetricKeys.CONCEPT_EVALUATION_SAMPLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unlearn.evaluator.EvaluatorService;
import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.Verdict;
import io.unlearn.ml.TestData;
import io.unlearn.ml.suppression.ConceptAccuracy;
import io.unlearn.ml.suppression.ConceptSplits;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SUPPRESSED verdicts on the real stack, fed by the real worker: footwear, suppressed with the worker's calibrated strength,
 * is CERTIFIED and its request VERIFIED; then a worker whose grid holds only scale 1 (features left as they are) "removes"
 * bags on top, and that version is REJECTED for its concept accuracy and the request FAILED. Each time the test measures the
 * concept's accuracy itself from the published artifacts on the evaluation split, checks the report's figure against it and
 * the verdict against the policy's threshold.
 */
@ExtendWith(LocalStackExtension.class)
class SuppressionVerdictIT {
    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final String[] QUICK_SAE = {"concept.sae.epochs", "4", "concept.features", "8,32,128", "concept.scales", "-1.0,-2.0"};
    private static final String[] SCALE_ONE = {"concept.features", "8", "concept.scales", "1.0", "concept.clamps", ""};

    @Test
    void aWorkingSuppressionIsCertifiedAndOneThatLeavesTheConceptIsRejected(LocalStack stack, @TempDir Path dir) throws Exception {
        EvaluatorFixture f = new EvaluatorFixture(stack, dir.resolve("artifacts"));
        String model = f.prefix + "-concepts";
        try (EvaluatorService evaluator = f.startEvaluator(dir.resolve("evaluator"))) {
            BaseModels.trainAndPublish(f.worker(), model, "mlp", 4, e -> { }, Clock.systemUTC());
            ModelVersion footwear = suppressedBy(f, model, 2, concept(f, model, "footwear", "Sandal", "Sneaker", "Ankle boot"), QUICK_SAE);
            EvaluationReport certified = judgedAgainstOwnMeasurement(f, footwear, "footwear", List.of("Sandal", "Sneaker", "Ankle boot"));
            assertThat(certified.getVerdict()).as("failing: %s", certified.getFailingCriteria()).isEqualTo(Verdict.CERTIFIED);
            assertThat(finalStatus(f, footwear).getState()).isEqualTo(RequestState.VERIFIED);

            ModelVersion bags = suppressedBy(f, model, 3, concept(f, model, "bags", "Bag"),
                    Stream.concat(Stream.of(QUICK_SAE), Stream.of(SCALE_ONE)).toArray(String[]::new));
            EvaluationReport rejected = judgedAgainstOwnMeasurement(f, bags, "bags", List.of("Bag"));
            assertThat(rejected.getVerdict()).isEqualTo(Verdict.REJECTED);
            assertThat(rejected.getFailingCriteria()).anySatisfy(c -> assertThat(c).startsWith("concept.accuracy ").contains("still recognised"));
            assertThat(finalStatus(f, bags)).satisfies(s -> {
                assertThat(s.getState()).isEqualTo(RequestState.FAILED);
                assertThat(s.getReason()).contains("concept.accuracy");
            });
        }
    }

    /** A worker with {@code settings} turns {@code request} into version {@code number} of the model, then stops. */
    private static ModelVersion suppressedBy(EvaluatorFixture f, String model, int number, AcceptedRequest request, String... settings)
            throws InterruptedException {
        try (WorkerService worker = WorkerService.start(f.worker(settings), Clock.systemUTC(), new SimpleMeterRegistry())) {
            assertThat(worker.awaitReady(Duration.ofSeconds(60))).as("the worker joined its group").isTrue();
            f.sendRequests(List.of(request));
            List<ModelVersion> versions = f.versions(model, number, WAIT);
            assertThat(versions).as("the worker published version %d", number).hasSize(number);
            return versions.get(number - 1);
        }
    }

    /** The version's basic report, whose concept accuracy must equal the test's own measurement and whose verdict its threshold. */
    private static EvaluationReport judgedAgainstOwnMeasurement(EvaluatorFixture f, ModelVersion v, String concept, List<String> labels) {
        EvaluationReport r = f.basicReport(v.getVersionId(), WAIT);
        ConceptAccuracy.Measured own = PublishedSuppressions.measure(v, EvaluatorFixture.TRAIN, labels);
        assertThat(r.getMetrics()).containsEntry(CONCEPT_EVALUATION_SAMPLES,
                (double) ConceptSplits.evaluation(TestData.fashionMnist().limitedTo(EvaluatorFixture.TRAIN)).size());
        assertThat(r.getMetrics().get("concept." + concept + ".samples")).isEqualTo((double) own.samples());
        assertThat(r.getMetrics().get("concept." + concept + ".accuracy")).as("the report against the test's measurement %s", own)
                .isCloseTo(own.after(), within(1e-6));
        boolean overThreshold = r.getMetrics().get(CONCEPT_ACC) > r.getThresholds().get("max.concept.accuracy");
        assertThat(r.getFailingCriteria().stream().anyMatch(c -> c.startsWith("concept.accuracy "))).isEqualTo(overThreshold);
        return r;
    }

    private static RequestStatus finalStatus(EvaluatorFixture f, ModelVersion v) {
        String request = v.getAppliedRequestIds().get(0);
        List<RequestStatus> s = f.statuses(x -> x.getRequestId().equals(request) && x.getEmittedBy().equals("evaluator"), 1, WAIT);
        assertThat(s).as("the evaluator's status for %s", request).hasSize(1);
        return s.get(0);
    }

    private static AcceptedRequest concept(EvaluatorFixture f, String model, String name, String... labels) {
        Instant now = Instant.now();
        return AcceptedRequest.newBuilder().setRequestId(f.prefix + "-" + name).setKind(RequestKind.CONCEPT).setModelId(model)
                .setRequester("it").setConceptName(name).setConceptLabels(List.of(labels)).setReceivedAt(now).setAcceptedAt(now)
                .setDeadline(now.plus(Duration.ofDays(30))).build();
    }
}
