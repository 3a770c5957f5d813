package io.unlearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.runtime.ServiceProcess;
import io.unlearn.runtime.TopicReader;
import io.unlearn.schemas.Digests;
import io.unlearn.schemas.EventContract;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import io.unlearn.worker.BaseModels;
import io.unlearn.worker.WorkerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once under crashes: a worker process is killed with SIGKILL at random moments in five runs
 * while requests keep arriving, then a last run finishes the work. Every request must be applied by
 * exactly one version, every version number used once, and the lineage hash chain must verify.
 */
@ExtendWith(LocalStackExtension.class)
class WorkerCrashIT {
    private static final int PER_RUN = 6;

    @Test
    void killedWorkersLoseNoRequestAndApplyNoneTwice(LocalStack stack, @TempDir Path artifacts) throws Exception {
        SchemaRegistryClient registry = SchemaRegistryClient.create(stack.registryUrl());
        Map<String, Object> client = Map.of("bootstrap.servers", stack.bootstrapServers());
        EventContract.install(client, registry);
        String prefix = "k" + UUID.randomUUID().toString().substring(0, 6);
        String model = prefix + "-mlp";
        Map<String, String> settings = Map.of("artifact.dir", artifacts.toString(), "dataset.limit", "1200", "method", "ft",
                "method.epochs", "1", "batch.max.requests", "3", "batch.max.wait.ms", "1500", "group.id", "crash-" + prefix,
                "instance.id", "crash-worker");
        Map<String, Object> props = new HashMap<>(settings);
        props.put("bootstrap.servers", stack.bootstrapServers());
        props.put("schema.registry.url", stack.registryUrl());
        BaseModels.trainAndPublish(WorkerConfig.of(props), model, "mlp", 1, e -> { }, Clock.systemUTC());

        Random random = new Random(7);
        List<String> sent = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            sent.addAll(send(stack, registry, model, prefix, run));
            Path log = artifacts.resolve("worker-" + run + ".log");
            ServiceProcess worker = new ServiceProcess("worker", props, 0, log, "unlearn-worker running").start();
            // JVM start and engine loading take long on a loaded machine: the random kill clock starts once the worker runs
            assertThat(worker.awaitReady(Duration.ofSeconds(120))).as("the worker process started; see " + log).isTrue();
            long killAfter = 4000 + random.nextInt(9000);
            Thread.sleep(killAfter);
            worker.kill();
        }
        long beforeLastRun = new TopicReader(client, registry).readAll(Topics.MODEL_VERSIONS).stream().filter(r -> r.value().getModelId().equals(model)).count();
        assertThat(beforeLastRun).as("the killed runs published versions, so the kills hit a working worker").isGreaterThan(1);
        ServiceProcess last = new ServiceProcess("worker", props, 0, artifacts.resolve("worker-last.log"), "unlearn-worker running").start();
        try {
            awaitAllApplied(stack, registry, model, sent, Duration.ofSeconds(240));
        } finally {
            last.close();
        }

        List<ModelVersion> versions = new TopicReader(client, registry).readAll(Topics.MODEL_VERSIONS).stream().map(ConsumerRecord::value)
                .filter(v -> v.getModelId().equals(model)).sorted(Comparator.comparingLong(ModelVersion::getVersion)).toList();
        assertThat(versions.stream().map(ModelVersion::getVersion).distinct().count()).as("each version number once").isEqualTo(versions.size());
        Map<String, Long> appliedCounts = versions.stream().flatMap(v -> v.getAppliedRequestIds().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(appliedCounts.keySet()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(appliedCounts.values()).as("no request applied twice").allMatch(n -> n == 1L);
        for (int i = 1; i < versions.size(); i++) {
            ModelVersion parent = versions.get(i - 1);
            ModelVersion v = versions.get(i);
            assertThat(v.getVersion()).isEqualTo(parent.getVersion() + 1);
            assertThat(v.getParentVersionId()).isEqualTo(parent.getVersionId());
            assertThat(v.getLineageHash()).isEqualTo(Digests.lineageHash(parent.getLineageHash(), v.getArtifactSha256(), v.getAppliedRequestIds()));
        }
        Map<String, Long> appliedStatuses = new TopicReader(client, registry).readAll(Topics.REQUEST_STATUS).stream().map(ConsumerRecord::value)
                .filter(s -> s.getRequestId().startsWith(prefix) && s.getState() == RequestState.APPLIED)
                .collect(Collectors.groupingBy(RequestStatus::getRequestId, Collectors.counting()));
        assertThat(appliedStatuses.values()).as("one committed APPLIED status per request").allMatch(n -> n == 1L);
        assertThat(appliedStatuses).hasSize(sent.size());
    }

    private static List<String> send(LocalStack stack, SchemaRegistryClient registry, String model, String prefix, int run) {
        List<String> ids = new ArrayList<>();
        Instant now = Instant.now();
        try (KafkaProducer<String, AcceptedRequest> p = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                EventSerdes.keySerde().serializer(), EventSerdes.serde(AcceptedRequest.class, registry).serializer())) {
            for (int i = 0; i < PER_RUN; i++) {
                int n = run * PER_RUN + i;
                String id = prefix + "-req-" + n;
                ids.add(id);
                AcceptedRequest r = AcceptedRequest.newBuilder().setRequestId(id).setKind(RequestKind.DELETION).setModelId(model)
                        .setRequester("crash-it").setSampleIds(List.of(String.format("fmnist/train/%06d", 2 * n),
                                String.format("fmnist/train/%06d", 2 * n + 1))).setLegalBasis(LegalBasis.GDPR_ART_17)
                        .setReceivedAt(now).setAcceptedAt(now).setDeadline(now.plus(Duration.ofDays(30))).build();
                p.send(new ProducerRecord<>(Topics.ACCEPTED_REQUESTS.name(), model, r));
            }
            p.flush();
        }
        return ids;
    }

    private static void awaitAllApplied(LocalStack stack, SchemaRegistryClient registry, String model, List<String> sent,
                                        Duration timeout) throws InterruptedException {
        Map<String, Object> client = Map.of("bootstrap.servers", stack.bootstrapServers());
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> applied = new TreeSet<>();
        while (System.nanoTime() < deadline) {
            applied = new TopicReader(client, registry).readAll(Topics.MODEL_VERSIONS)
                    .stream().map(ConsumerRecord::value).filter(v -> v.getModelId().equals(model))
                    .flatMap(v -> v.getAppliedRequestIds().stream()).collect(Collectors.toCollection(TreeSet::new));
            if (applied.containsAll(sent)) {
                return;
            }
            Thread.sleep(1000);
        }
        assertThat(applied).as("requests applied within " + timeout).containsAll(sent);
    }
}
