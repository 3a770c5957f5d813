package io.unlearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.DeletionRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.runtime.GroupAssignment;
import io.unlearn.runtime.ServiceProcess;
import io.unlearn.runtime.TopicReader;
import io.unlearn.schemas.Digests;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.KeyPartitions;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A consumer group of worker processes for {@link ScaleOutChaosIT}: starts members (each pinned to one intra-op thread,
 * a short session timeout so that a killed member leaves the group in seconds), reads their logs for assignments,
 * revocations and running batches, sends deletion requests through request-ingest, and checks what was published.
 */
final class ScaleOutGroup implements AutoCloseable {
    private static final Pattern PROGRESS = Pattern.compile(" batch of \\d+: ");
    private final LocalStack stack;
    private final SchemaRegistryClient registry;
    private final Map<String, Object> common;
    private final String groupId;
    private final Path logs;
    private final List<ServiceProcess> members = new ArrayList<>();
    private final Map<ServiceProcess, Integer> logLengthAtLastStart = new IdentityHashMap<>();

    ScaleOutGroup(LocalStack stack, SchemaRegistryClient registry, Map<String, Object> common, String groupId, Path logs) {
        this.stack = stack;
        this.registry = registry;
        this.common = common;
        this.groupId = groupId;
        this.logs = logs;
    }

    /** One model id per partition of the accepted topic (keyed by modelId). */
    static List<String> onePerPartition(String prefix) {
        return KeyPartitions.balanced(prefix + "-m", Topics.ACCEPTED_REQUESTS.partitions(), Topics.ACCEPTED_REQUESTS.partitions());
    }

    ServiceProcess start(int index) {
        Map<String, Object> w = new HashMap<>(common);
        w.put("group.id", groupId);
        w.put("instance.id", "worker-" + index);
        w.put("method", "ft");
        w.put("method.epochs", "8"); // a batch long enough to be caught in the middle
        w.put("batch.max.requests", "3");
        w.put("batch.max.wait.ms", "1000");
        w.put("kafka.session.timeout.ms", "10000");
        members.forEach(m -> logLengthAtLastStart.put(m, m.logText().length()));
        ServiceProcess p = new ServiceProcess("worker", w, 1, logs.resolve("worker-" + index + ".log"), "unlearn-worker running").start();
        members.add(p);
        return p;
    }

    void startAndAwait(int index) throws InterruptedException {
        ServiceProcess p = start(index);
        assertThat(p.awaitReady(Duration.ofSeconds(180))).as("worker " + index + " started (" + p.failure() + "), log " + p.log()).isTrue();
    }

    /** Waits until {@code n} live members each own exactly one partition, all different (their newest assignments). */
    void awaitSpread(int n, Duration timeout) throws InterruptedException {
        List<Set<Integer>> owned = List.of();
        for (long deadline = System.nanoTime() + timeout.toNanos(); System.nanoTime() < deadline; Thread.sleep(200)) {
            owned = members.stream().filter(ServiceProcess::isAlive).map(m -> lastAssignment(m.logText())).toList();
            if (owned.size() == n && owned.stream().allMatch(s -> s.size() == 1) && new HashSet<>(owned).size() == n) {
                return;
            }
        }
        assertThat(owned).as("each of %d workers owns one partition of its own", n).hasSize(n).doesNotHaveDuplicates()
                .allMatch(s -> s.size() == 1);
    }

    /** A live member whose log shows a batch's progress after its last batch result, or null on timeout. */
    ServiceProcess awaitBatchRunning(Duration timeout) throws InterruptedException {
        for (long deadline = System.nanoTime() + timeout.toNanos(); System.nanoTime() < deadline; Thread.sleep(50)) {
            for (ServiceProcess m : members) {
                String text = m.logText();
                Matcher progress = PROGRESS.matcher(text);
                int last = -1;
                while (progress.find()) {
                    last = progress.start();
                }
                if (m.isAlive() && last > text.lastIndexOf(" request(s) -> ")) {
                    return m;
                }
            }
        }
        return null;
    }

    /** The newest group generation any member's log shows (0 before the first assignment). */
    int newestGeneration() {
        int newest = 0;
        for (ServiceProcess m : members) {
            for (GroupAssignment a : GroupAssignment.parse(m.logText())) {
                newest = Math.max(newest, a.generation());
            }
        }
        return newest;
    }

    void awaitGenerationAfter(int generation, Duration timeout) throws InterruptedException {
        for (long deadline = System.nanoTime() + timeout.toNanos(); System.nanoTime() < deadline; Thread.sleep(200)) {
            if (newestGeneration() > generation) {
                return;
            }
        }
        assertThat(newestGeneration()).as("a rebalance after generation " + generation).isGreaterThan(generation);
    }

    /** A live member other than {@code started} whose partitions were revoked since {@code started} was started, or null. */
    ServiceProcess awaitRevocationAfterStart(ServiceProcess started, Duration timeout) throws InterruptedException {
        for (long deadline = System.nanoTime() + timeout.toNanos(); System.nanoTime() < deadline; Thread.sleep(20)) {
            for (ServiceProcess m : members) {
                Integer from = logLengthAtLastStart.get(m);
                if (m != started && m.isAlive() && from != null && m.logText().indexOf("Partitions revoked", from) >= 0) {
                    return m;
                }
            }
        }
        return null;
    }

    /** Publishes {@code perModel} deletion requests (2 samples each) per model to the deletion topic; their ids. */
    List<String> send(List<String> models, String prefix, int round, int perModel) {
        List<String> ids = new ArrayList<>();
        Instant now = Instant.now();
        try (KafkaProducer<String, DeletionRequest> p = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                EventSerdes.keySerde().serializer(), EventSerdes.serde(DeletionRequest.class, registry).serializer())) {
            for (int i = 0; i < perModel * models.size(); i++) {
                int n = round * perModel * models.size() + i;
                String id = prefix + "-r" + n;
                ids.add(id);
                p.send(new ProducerRecord<>(Topics.DELETION_REQUESTS.name(), id, DeletionRequest.newBuilder().setRequestId(id)
                        .setRequester("scale-it").setModelId(models.get(i % models.size()))
                        .setSampleIds(List.of(String.format("fmnist/train/%06d", 2 * n), String.format("fmnist/train/%06d", 2 * n + 1)))
                        .setLegalBasis(LegalBasis.GDPR_ART_17).setReceivedAt(now).setDeadline(now.plus(Duration.ofDays(30))).build()));
            }
            p.flush();
        }
        return ids;
    }

    void awaitAllApplied(List<String> sent, Duration timeout) throws InterruptedException {
        Set<String> applied = Set.of();
        for (long deadline = System.nanoTime() + timeout.toNanos(); System.nanoTime() < deadline; Thread.sleep(1000)) {
            applied = statuses().stream().filter(s -> s.getState() == RequestState.APPLIED).map(RequestStatus::getRequestId)
                    .collect(Collectors.toSet());
            if (applied.containsAll(sent)) {
                return;
            }
        }
        assertThat(applied).as("requests APPLIED within " + timeout).containsAll(sent);
    }

    /** Each request in exactly one version and one APPLIED status; per model, versions 1..n, each on its parent. */
    void assertExactlyOnceAndUnbrokenLineage(List<String> models, List<String> sent) {
        List<ModelVersion> all = new TopicReader(Map.of("bootstrap.servers", stack.bootstrapServers()), registry)
                .readAll(Topics.MODEL_VERSIONS).stream().map(ConsumerRecord::value).filter(v -> models.contains(v.getModelId())).toList();
        for (String model : models) {
            List<ModelVersion> versions = all.stream().filter(v -> v.getModelId().equals(model))
                    .sorted(Comparator.comparingLong(ModelVersion::getVersion)).toList();
            assertThat(versions).as(model + ": several versions").hasSizeGreaterThan(1);
            for (int i = 0; i < versions.size(); i++) {
                ModelVersion v = versions.get(i);
                assertThat(v.getVersion()).as(model + ": each version number once, no gap").isEqualTo(versions.get(0).getVersion() + i);
                if (i > 0) {
                    ModelVersion parent = versions.get(i - 1);
                    assertThat(v.getParentVersionId()).as(v.getVersionId() + " built on the head").isEqualTo(parent.getVersionId());
                    assertThat(v.getLineageHash()).isEqualTo(Digests.lineageHash(parent.getLineageHash(), v.getArtifactSha256(),
                            v.getAppliedRequestIds()));
                }
            }
        }
        Map<String, Long> inVersions = all.stream().flatMap(v -> v.getAppliedRequestIds().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(inVersions.keySet()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(inVersions.values()).as("no request applied twice").allMatch(n -> n == 1L);
        Map<String, Long> appliedStatuses = statuses().stream().filter(s -> s.getState() == RequestState.APPLIED && sent.contains(s.getRequestId()))
                .collect(Collectors.groupingBy(RequestStatus::getRequestId, Collectors.counting()));
        assertThat(appliedStatuses.keySet()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(appliedStatuses.values()).as("one committed APPLIED status per request").allMatch(n -> n == 1L);
    }

    private List<RequestStatus> statuses() {
        return new TopicReader(Map.of("bootstrap.servers", stack.bootstrapServers()), registry).readAll(Topics.REQUEST_STATUS)
                .stream().map(ConsumerRecord::value).toList();
    }

    /** The partitions of the member's newest assignment (none before its first). */
    private static Set<Integer> lastAssignment(String log) {
        List<GroupAssignment> all = GroupAssignment.parse(log);
        return all.isEmpty() ? Set.of() : all.get(all.size() - 1).partitions();
    }

    @Override
    public void close() {
        members.forEach(ServiceProcess::close);
    }
}
