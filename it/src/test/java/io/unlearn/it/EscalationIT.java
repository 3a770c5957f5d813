package io.unlearn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unlearn.audit.Audit;
import io.unlearn.audit.AuditOptions;
import io.unlearn.audit.AuditReport;
import io.unlearn.audit.AuditResult;
import io.unlearn.evaluator.EvaluatorConfig;
import io.unlearn.evaluator.EvaluatorService;
import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import io.unlearn.worker.BaseModels;
import io.unlearn.worker.WorkerConfig;
import io.unlearn.worker.WorkerService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lineage corrects itself on the real stack, the real worker and the real evaluator, with no operator action: a
 * no-op method (gradient ascent at lr 1e-6) on a base that memorised its slice is REJECTED, its requests go ESCALATING,
 * the worker re-applies them with the next method of its ladder (retrain) on the base as a version that supersedes the
 * rejected one, which is CERTIFIED, and the requests end VERIFIED; the audit replay verifies the chain. With no stronger
 * method on the ladder, the requests end FAILED naming the top of the ladder. Worst-case challenges are off (not what
 * is tested here, and they would double the time).
 */
@ExtendWith(LocalStackExtension.class)
class EscalationIT {
    private static final Duration WAIT = Duration.ofSeconds(240);
    @TempDir
    static Path dir;
    private static EscalationFixture f;
    private static EvaluatorService evaluator;

    @BeforeAll
    static void startEvaluator(LocalStack stack) throws InterruptedException {
        f = new EscalationFixture(stack);
        Map<String, Object> p = f.common();
        p.put(EvaluatorConfig.GROUP_ID, "evaluator-" + f.prefix);
        p.put(EvaluatorConfig.DATA_DIR, dir.resolve("evaluator").toString());
        p.put(EvaluatorConfig.RETAIN_SAMPLE, "500");
        p.put(EvaluatorConfig.CHALLENGE_ENABLED, "false");
        evaluator = EvaluatorService.start(EvaluatorConfig.of(p), Clock.systemUTC(), new SimpleMeterRegistry());
        assertThat(evaluator.awaitReady(Duration.ofSeconds(60))).as("the evaluator joined its group").isTrue();
    }

    @AfterAll
    static void stopEvaluator() {
        evaluator.close();
    }

    /** A worker running ga at lr 1e-6 (it leaves the weights as they were) with {@code ladder} above it, on a fresh model. */
    private static WorkerService weakWorker(String model, String ladder) throws InterruptedException {
        Map<String, Object> p = f.common();
        p.put(WorkerConfig.GROUP_ID, "worker-" + f.prefix + "-" + model);
        p.put(WorkerConfig.ARTIFACT_DIR, dir.resolve("artifacts").toString());
        p.put(WorkerConfig.BATCH_MAX_REQUESTS, "2");
        p.put(WorkerConfig.BATCH_MAX_WAIT_MS, "3000");
        p.put(WorkerConfig.METHOD, "ga");
        p.put("method.lr", "1e-6");
        p.put(WorkerConfig.ESCALATION_LADDER, ladder);
        WorkerConfig config = WorkerConfig.of(p);
        BaseModels.trainAndPublish(config, model, "mlp", EscalationFixture.BASE_EPOCHS, e -> { }, Clock.systemUTC());
        WorkerService worker = WorkerService.start(config, Clock.systemUTC(), new SimpleMeterRegistry());
        assertThat(worker.awaitReady(Duration.ofSeconds(60))).as("the worker joined its group").isTrue();
        return worker;
    }

    private static Set<String> ids(List<AcceptedRequest> requests) {
        return requests.stream().map(AcceptedRequest::getRequestId).collect(Collectors.toSet());
    }

    @Test
    void aRejectedVersionIsSupersededByAStrongerMethodsVersionAndItsRequestsEndVerified() throws Exception {
        String model = f.prefix + "-escalates";
        try (WorkerService worker = weakWorker(model, "retrain")) {
            // 2 × 200 samples: enough for the forgetting evidence to decide
            Set<String> requests = ids(f.sendRequests(model, 2, 200));
            List<RequestStatus> verified = f.statuses(s -> requests.contains(s.getRequestId()) && s.getState() == RequestState.VERIFIED,
                    2, WAIT);
            assertThat(verified).as("the requests end VERIFIED without operator action").hasSize(2);
            assertThat(worker.isRunning()).isTrue();
        }
        List<ModelVersion> versions = f.versions(v -> v.getModelId().equals(model), 3, Duration.ofSeconds(30));
        assertThat(versions).extracting(ModelVersion::getMethod).containsExactly("train", "ga", "retrain");
        ModelVersion superseding = versions.get(2);
        assertThat(superseding.getParentVersionId()).as("built on the last certified version").isEqualTo(model + "@v1");
        assertThat(superseding.getSupersedes()).containsExactly(model + "@v2");
        assertThat(superseding.getEscalation()).contains(model + "@v2 (ga) was REJECTED").contains("re-applied by retrain");
        String r0 = f.prefix + "-" + model + "-r0";
        List<RequestStatus> history = f.statuses(s -> s.getRequestId().equals(r0), 7, Duration.ofSeconds(10));
        assertThat(history).extracting(RequestStatus::getState).containsSubsequence(RequestState.APPLIED, RequestState.ESCALATING,
                RequestState.APPLIED, RequestState.VERIFIED);

        AuditResult audit = Audit.replay(AuditOptions.custom().setBootstrapServers(f.stack.bootstrapServers())
                .setRegistryUrl(f.stack.registryUrl()).optModels(List.of(model)).build());
        String text = AuditReport.text().render(audit);
        assertThat(audit.verified()).as(text).isTrue();
        assertThat(text).contains(model + "@v3 (retrain, on " + model + "@v1) supersedes " + model + "@v2");
    }

    @Test
    void whenTheTopOfTheLadderIsRejectedTheRequestsEndFailedSayingSo() throws Exception {
        String model = f.prefix + "-top";
        try (WorkerService worker = weakWorker(model, "")) {
            Set<String> requests = ids(f.sendRequests(model, 2, 200));
            List<RequestStatus> failed = f.statuses(s -> requests.contains(s.getRequestId()) && s.getState() == RequestState.FAILED, 2, WAIT);
            assertThat(failed).hasSize(2).allSatisfy(s -> {
                assertThat(s.getEmittedBy()).isEqualTo("unlearn-worker");
                assertThat(s.getReason()).startsWith("the top of the escalation ladder (ga) was REJECTED: " + model + "@v2 (ga) was REJECTED");
            });
        }
        assertThat(f.versions(v -> v.getModelId().equals(model), 3, Duration.ofSeconds(5))).as("no version supersedes it").hasSize(2);
    }
}
