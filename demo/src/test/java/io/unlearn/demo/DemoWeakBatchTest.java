package io.unlearn.demo;

import static io.unlearn.demo.DemoEvents.lifecycle;
import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.ConceptRemovalRequest;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import io.unlearn.worker.WorkerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The weak first batch: which items it covers, the weak worker's settings, and when the demo may switch the worker. */
class DemoWeakBatchTest {

    @Test
    void theBatchEndsWithTheFourthDeletionBySubjectAndNeverTakesAConceptRemoval() {
        List<DemoRequests.Item> items = List.of(subject("s0"), samples("p0"), subject("s1"), resend("s1"), subject("s2"), subject("s3"),
                subject("s4"));
        List<DemoRequests.Item> conceptEarly = List.of(subject("s0"), concept("c0"), subject("s1"));

        assertThat(DemoWeakBatch.of(items).end()).as("a re-send is not a fifth subject").isEqualTo(6);
        assertThat(DemoWeakBatch.of(conceptEarly).end()).isEqualTo(1);
    }

    @Test
    void theWorkerStartsWithFtAtATinyLearningRateAndEscalatesToTheRealMethodThenTheStrongerOnes() {
        Map<String, Object> real = Map.of(WorkerConfig.METHOD, "rl", WorkerConfig.BATCH_MAX_REQUESTS, "10");

        Map<String, Object> weak = DemoWeakBatch.workerProps(real);

        assertThat(weak).containsEntry(WorkerConfig.METHOD, "ft").containsEntry("method.lr", "1e-6").containsEntry("method.epochs", "1")
                .containsEntry(WorkerConfig.ESCALATION_LADDER, "rl,eu-k,retrain").containsEntry(WorkerConfig.BATCH_MAX_REQUESTS, "10")
                .doesNotContainKey(WorkerConfig.CONSOLIDATE_EVERY);
        assertThat(DemoWeakBatch.ladder("ga")).as("a method off the default ladder: then all of it").containsExactly("ga", "rl", "eu-k", "retrain");
        assertThat(WorkerConfig.of(new java.util.HashMap<>(Map.of("bootstrap.servers", "x:1", "schema.registry.url", "http://x",
                "method.lr", "1e-6", "method.epochs", "1"))).methodOverrides()).as("ordinary worker settings")
                .containsEntry("lr", 1e-6).containsEntry("epochs", 1.0);
    }

    @Test
    void theStreamGoesOnOnlyOnceTheWorkersOwnEscalationSupersededTheWeakVersion() {
        List<DemoRequests.Item> items = List.of(subject("s0"), subject("s1"), subject("s2"), subject("s3"), subject("s4"));
        DemoWeakBatch weak = DemoWeakBatch.of(items);
        DemoTracker t = new DemoTracker(DemoEvents.MODEL);
        t.add(DemoEvents.version(1, ModelVersionKind.BASE, List.of()));
        assertThat(weak.done(t)).isFalse();
        assertThat(weak.phase(t)).startsWith("first batch by ft at lr 1e-6");

        ModelVersion v2 = ModelVersion.newBuilder(DemoEvents.version(2, ModelVersionKind.UNLEARNED, List.of("s0", "s1", "s2", "s3")))
                .setMethod("ft").build();
        t.add(v2);
        assertThat(weak.weakVersion(t)).map(ModelVersion::getVersionId).contains("m@v2");
        assertThat(weak.done(t)).as("not superseded yet").isFalse();
        assertThat(weak.phase(t)).startsWith("evaluating m@v2");

        t.add(ModelVersion.newBuilder(DemoEvents.version(3, ModelVersionKind.UNLEARNED, List.of("s0", "s1", "s2", "s3")))
                .setMethod("rl").setParentVersionId("m@v1").setSupersedes(List.of("m@v2")).build());
        assertThat(weak.done(t)).isTrue();
        assertThat(weak.story(t)).contains("ft at lr 1e-6 for 1 epoch -> m@v2 (4 requests")
                .contains("the worker escalated on its own: m@v3 (rl, on m@v1) supersedes m@v2");
    }

    @Test
    void aBatchTheWorkerCouldNotApplyEndsTheWaitToo() {
        DemoWeakBatch weak = DemoWeakBatch.of(List.of(subject("s0")));
        DemoTracker t = new DemoTracker(DemoEvents.MODEL);
        lifecycle("s0", null, RequestState.FAILED, 1, 2, 3, 4, 5).forEach(t::add);

        assertThat(weak.done(t)).isTrue();
    }

    private static DemoRequests.Item subject(String id) {
        return new DemoRequests.Item(id, DeletionRequest.newBuilder().setRequestId(id).setRequester("t").setSubjectId("subject-" + id)
                .setModelId("m").setReceivedAt(DemoEvents.T0).setDeadline(DemoEvents.T0).build(), "subject " + id, false, true);
    }

    private static DemoRequests.Item samples(String id) {
        return new DemoRequests.Item(id, DeletionRequest.newBuilder().setRequestId(id).setRequester("t").setSampleIds(List.of("a", "b"))
                .setModelId("m").setReceivedAt(DemoEvents.T0).setDeadline(DemoEvents.T0).build(), "samples " + id, false, true);
    }

    private static DemoRequests.Item resend(String id) {
        return new DemoRequests.Item(id, subject(id).request(), "re-send of " + id, true, true);
    }

    private static DemoRequests.Item concept(String id) {
        return new DemoRequests.Item(id, ConceptRemovalRequest.newBuilder().setRequestId(id).setRequester("t").setModelId("m")
                .setConceptName("c").setConceptLabels(List.of("Trouser")).setReceivedAt(DemoEvents.T0).setDeadline(DemoEvents.T0).build(),
                "concept " + id, false, true);
    }
}
