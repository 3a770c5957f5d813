package io.unlearn.evaluator.it;

import static io.unlearn.evaluator.MetricKeys.PARENT_TA_KEPT_CLASSES;
import static io.unlearn.evaluator.MetricKeys.TA_DROP;
import static io.unlearn.evaluator.MetricKeys.TA_KEPT_CLASSES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unlearn.evaluator.EvaluatorService;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.Verdict;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.FashionMnist;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import io.unlearn.worker.BaseModels;
import io.unlearn.worker.WorkerService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forgetting evidence on the real stack, beyond the plain cases of {@link EvaluatorIT}: a whole class deleted by a
 * method that changes nothing is REJECTED by the removed-class reference (a retrain would not recognise the class at all),
 * and a retrain of a set too small to decide is INCONCLUSIVE, its requests AWAITING_EVIDENCE until a later version of the
 * lineage decides them with the accumulated set.
 */
@ExtendWith(LocalStackExtension.class)
class ForgettingEvidenceIT {
    private static final Duration WAIT = Duration.ofSeconds(180);
    @TempDir
    static Path dir;
    private static EvaluatorFixture f;
    private static EvaluatorService evaluator;

    @BeforeAll
    static void startEvaluator(LocalStack stack) throws InterruptedException {
        f = new EvaluatorFixture(stack, dir.resolve("artifacts"));
        evaluator = f.startEvaluator(dir.resolve("evaluator"));
    }

    @AfterAll
    static void stopEvaluator() {
        evaluator.close();
    }

    private static EvaluationReport basicReport(String versionId) {
        return f.basicReport(versionId, WAIT);
    }

    private static List<RequestStatus> statuses(List<String> requests, RequestState state) {
        return f.statuses(s -> requests.contains(s.getRequestId()) && s.getState() == state, requests.size(), WAIT);
    }

    @Test
    void aWholeClassDeletedByGradientAscentAtATinyRateIsRejectedByTheRemovedClassReference() throws Exception {
        String model = f.prefix + "-class";
        DataView train = FashionMnist.load(FashionMnist.DEFAULT_DIR).limitedTo(EvaluatorFixture.TRAIN).train();
        List<String> classZero = IntStream.range(0, train.size()).filter(i -> train.label(i) == 0).mapToObj(train::id).toList();
        BaseModels.trainAndPublish(f.worker(), model, "mlp", EvaluatorFixture.BASE_EPOCHS, e -> { }, Clock.systemUTC());
        ModelVersion retrain;
        try (WorkerService worker = WorkerService.start(f.worker("method", "ga", "method.lr", "1e-6"), Clock.systemUTC(), new SimpleMeterRegistry())) {
            assertThat(worker.awaitReady(Duration.ofSeconds(60))).isTrue();
            f.sendRequests(List.of(f.deletion(model, f.prefix + "-class-0", classZero)));
            // read to the end offsets: v2's rejection may already have brought the escalation's v3
            assertThat(f.versions(model, 2, WAIT)).extracting(v -> (int) v.getVersion()).startsWith(1, 2);
            // the escalation ladder ends in a retrain without class 0 (the worker must run until it is published)
            retrain = f.version(model, v -> v.getMethod().equalsIgnoreCase("retrain"), WAIT);
        }
        EvaluationReport r = basicReport(model + "@v2");
        assertThat(r.getVerdict()).isEqualTo(Verdict.REJECTED);
        assertThat(r.getForgetting().getRemovedClasses()).singleElement().satisfies(c -> {
            assertThat(c.getLabel()).isZero();
            assertThat(c.getRetainedShare()).isZero();
            assertThat(c.getCiLow()).as("class 0 is still recognised").isGreaterThan(50.0);
        });
        assertThat(r.getFailingCriteria()).anySatisfy(l -> assertThat(l).startsWith("class 0 is removed"));
        // v2's rejection escalates the request once; the ladder's re-application (v3) is judged on its own, and may
        // escalate it again, so only the status that names v2 is counted
        String request = f.prefix + "-class-0";
        assertThat(f.statuses(s -> s.getRequestId().equals(request) && s.getState() == RequestState.ESCALATING
                && s.getReason() != null && s.getReason().contains(model + "@v2 REJECTED"), 1, WAIT)).singleElement()
                .satisfies(s -> assertThat(s.getReason()).contains("class 0 is removed").contains("re-applies the request with a stronger method"));
        // the retrain's TA is judged on the nine classes it keeps (on all ten it loses class 0's tenth of the test set
        // by design, which read as a ta.drop of 7.6 and rejected a real retrain)
        EvaluationReport judged = basicReport(retrain.getVersionId());
        assertThat(judged.getMetrics()).containsKeys(TA_KEPT_CLASSES, PARENT_TA_KEPT_CLASSES);
        assertThat(judged.getMetrics().get(TA_DROP)).isCloseTo(judged.getMetrics().get(PARENT_TA_KEPT_CLASSES)
                - judged.getMetrics().get(TA_KEPT_CLASSES), within(1e-9));
        assertThat(judged.getFailingCriteria()).noneSatisfy(l -> assertThat(l).startsWith("ta.drop"));
    }

    @Test
    void anUndersizedSetIsInconclusiveAndIsDecidedOnceTheLineageAccumulatesEnough() throws Exception {
        String model = f.prefix + "-small";
        BaseModels.trainAndPublish(f.worker(), model, "mlp", EvaluatorFixture.BASE_EPOCHS, e -> { }, Clock.systemUTC());
        try (WorkerService worker = WorkerService.start(f.worker("method", "retrain"), Clock.systemUTC(), new SimpleMeterRegistry())) {
            assertThat(worker.awaitReady(Duration.ofSeconds(60))).isTrue();
            // 2 × 50 samples: the interval of an advantage on 100 samples is wider than ±10, so it cannot decide either way
            List<String> small = f.requests(model, "small", 2, 50, 0, 10).stream().map(r -> r.getRequestId()).toList();
            f.sendRequests(f.requests(model, "small", 2, 50, 0, 10));
            ModelVersion v2 = f.versions(model, 2, WAIT).get(1);
            EvaluationReport first = basicReport(v2.getVersionId());
            assertThat(first.getVerdict()).as(String.valueOf(first.getFailingCriteria())).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(first.getForgetting().getSamplesNeeded()).isGreaterThan(100L);
            assertThat(first.getFailingCriteria()).anySatisfy(l -> assertThat(l).contains("would decide"));
            assertThat(statuses(small, RequestState.AWAITING_EVIDENCE)).hasSize(2)
                    .allSatisfy(s -> assertThat(s.getReason()).contains("a later version of the lineage"));

            // 2 × 200 more (odd rows, disjoint from the first): the lineage's 500 samples decide
            f.sendRequests(f.requests(model, "more", 2, 200, 1, 2));
            ModelVersion v3 = f.versions(model, 3, WAIT).get(2);
            EvaluationReport decided = basicReport(v3.getVersionId());
            assertThat(decided.getVerdict()).as(String.valueOf(decided.getForgetting().getFindings())).isEqualTo(Verdict.CERTIFIED);
            assertThat(decided.getForgetting().getForgetSetSize()).isEqualTo(500);
            assertThat(statuses(small, RequestState.VERIFIED)).hasSize(2).allSatisfy(s -> {
                assertThat(s.getVersionId()).isEqualTo(v3.getVersionId());
                assertThat(s.getReason()).contains(v2.getVersionId() + " was INCONCLUSIVE").contains("500 forgotten samples");
            });
        }
    }
}
