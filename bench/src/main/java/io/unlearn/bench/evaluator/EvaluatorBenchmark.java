package io.unlearn.bench.evaluator;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unlearn.bench.harness.MachineInfo;
import io.unlearn.evaluator.EvaluatorConfig;
import io.unlearn.evaluator.EvaluatorService;
import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.LegalBasis;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestKind;
import io.unlearn.schemas.EventContract;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import io.unlearn.worker.BaseModels;
import io.unlearn.worker.WorkerConfig;
import io.unlearn.worker.WorkerService;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code unlearn bench evaluator}: how long after a version's publication its basic report and its challenge report
 * appear, per version kind, on the default model. Requests go straight to unlearn.requests.accepted (ingest is not
 * what is measured here).
 */
public final class EvaluatorBenchmark {
    private static final String MODEL = "fmnist-cnn";
    private final LocalStack stack;
    private final Path dir;
    private final PrintStream out;

    /** Settings of one run. */
    public record Options(int baseEpochs, int requests, int samplesPerRequest, String method, boolean concept, Duration timeout) {
    }

    public EvaluatorBenchmark(LocalStack stack, Path dir, PrintStream out) {
        this.stack = stack;
        this.dir = dir;
        this.out = out;
    }

    public EvaluatorResult run(Options o) throws InterruptedException {
        SchemaRegistryClient registry = SchemaRegistryClient.create(stack.registryUrl());
        EventContract.install(Map.of("bootstrap.servers", stack.bootstrapServers()), registry);
        Map<String, Object> common = new HashMap<>();
        common.put("bootstrap.servers", stack.bootstrapServers());
        common.put("schema.registry.url", stack.registryUrl());
        Map<String, Object> e = new HashMap<>(common);
        e.put("data.dir", dir.resolve("evaluator").toString());
        Map<String, Object> w = new HashMap<>(common);
        w.put("artifact.dir", dir.resolve("artifacts").toString());
        w.put("method", o.method());
        w.put("batch.max.requests", Integer.toString(o.requests()));
        w.put("consolidation.every.requests", Integer.toString(o.requests()));
        try (EvaluatorService evaluator = EvaluatorService.start(EvaluatorConfig.of(e), Clock.systemUTC(), new SimpleMeterRegistry())) {
            if (!evaluator.awaitReady(Duration.ofSeconds(120))) {
                throw new IllegalStateException("the benchmark's evaluator did not join its group within 120 s");
            }
            out.printf("training the base CNN (%d epochs) ...%n", o.baseEpochs());
            BaseModels.trainAndPublish(WorkerConfig.of(w), MODEL, "cnn", o.baseEpochs(), p -> out.println("  " + p), Clock.systemUTC());
            try (WorkerService worker = WorkerService.start(WorkerConfig.of(w), Clock.systemUTC(), new SimpleMeterRegistry())) {
                if (!worker.awaitReady(Duration.ofSeconds(120))) {
                    throw new IllegalStateException("the benchmark's worker did not join its group within 120 s");
                }
                out.printf("%d deletion requests of %d samples (method %s), then consolidation%s ...%n", o.requests(), o.samplesPerRequest(),
                        o.method(), o.concept() ? " and a concept removal (footwear)" : "");
                send(registry, deletions(o));
                int expected = 3;
                if (o.concept()) {
                    new ReportWaiter(stack, registry, MODEL).versions(expected, o.timeout());
                    send(registry, List.of(concept()));
                    expected = 4;
                }
                return collect(registry, expected, o);
            }
        }
    }

    private EvaluatorResult collect(SchemaRegistryClient registry, int versions, Options o) {
        ReportWaiter waiter = new ReportWaiter(stack, registry, MODEL);
        List<ModelVersion> vs = waiter.versions(versions, o.timeout());
        Map<String, EvaluationReport[]> reports = waiter.reports(vs, o.timeout());
        List<EvaluatorResult.Row> rows = new ArrayList<>();
        for (ModelVersion v : vs) {
            EvaluationReport[] r = reports.get(v.getVersionId());
            if (r == null || r[0] == null) {
                out.printf("  %s (%s): no basic report within %s%n", v.getVersionId(), v.getKind(), o.timeout());
                continue;
            }
            Double challenge = r[1] == null ? null : seconds(v.getCreatedAt(), r[1].getEvaluatedAt());
            rows.add(new EvaluatorResult.Row(v.getKind().name(), v.getVersionId(), r[0].getVerdict().name(),
                    seconds(v.getCreatedAt(), r[0].getEvaluatedAt()), challenge));
            out.printf("  %s %s: %s, basic report %.1f s, challenge %s%n", v.getKind(), v.getVersionId(), r[0].getVerdict(),
                    seconds(v.getCreatedAt(), r[0].getEvaluatedAt()), challenge == null ? "—" : String.format("%.1f s", challenge));
        }
        return new EvaluatorResult(rows, "base CNN " + o.baseEpochs() + " epochs on all 60,000 samples; " + o.requests() + " requests × "
                + o.samplesPerRequest() + " samples, method " + o.method() + "; evaluator defaults (EvaluatorConfig: retain sample 2,000, "
                + "challenge pool 1,000, 3 outer steps × K = 2)", MachineInfo.summary());
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private List<AcceptedRequest> deletions(Options o) {
        return IntStream.range(0, o.requests()).mapToObj(i -> request("bench-eval-d" + i, RequestKind.DELETION)
                .setSampleIds(IntStream.range(0, o.samplesPerRequest()).mapToObj(k -> String.format("fmnist/train/%06d",
                        97 * (i * o.samplesPerRequest() + k) % 60_000)).distinct().toList()).build()).toList();
    }

    private AcceptedRequest concept() {
        return request("bench-eval-concept", RequestKind.CONCEPT).setConceptName("footwear")
                .setConceptLabels(List.of("Sandal", "Sneaker", "Ankle boot")).build();
    }

    private static AcceptedRequest.Builder request(String id, RequestKind kind) {
        Instant now = Instant.now();
        return AcceptedRequest.newBuilder().setRequestId(id).setKind(kind).setModelId(MODEL).setRequester("bench").setSubjectId(null)
                .setLegalBasis(LegalBasis.GDPR_ART_17).setReceivedAt(now).setAcceptedAt(now).setDeadline(now.plus(Duration.ofDays(30)));
    }

    private void send(SchemaRegistryClient registry, List<AcceptedRequest> requests) {
        try (KafkaProducer<String, AcceptedRequest> p = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers(), "acks", "all"),
                EventSerdes.keySerde().serializer(), EventSerdes.serde(AcceptedRequest.class, registry).serializer())) {
            requests.forEach(r -> p.send(new ProducerRecord<>(Topics.ACCEPTED_REQUESTS.name(), r.getModelId(), r)));
            p.flush();
        }
    }

    static boolean challenged(ModelVersion v) {
        return v.getKind() == ModelVersionKind.UNLEARNED;
    }
}
