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
    void theWeakWorkerRunsFtAtATinyLearningRateAndConsolidatesAfterItsFirstBatch() {
        Map<String, Object> real = Map.of(WorkerConfig.METHOD, "rl", WorkerConfig.BATCH_MAX_REQUESTS, "10");

        Map<String, Object> weak = DemoWeakBatch.workerProps(real);

        assertThat(weak).containsEntry(WorkerConfig.METHOD, "ft").containsEntry("method.lr", "1e-6").containsEntry("method.epochs", "1")
                .containsEntry(WorkerConfig.CONSOLIDATE_EVERY, "1").containsEntry(WorkerConfig.BATCH_MAX_REQUESTS, "10");
        assertThat(WorkerConfig.of(new java.util.HashMap<>(Map.of("bootstrap.servers", "x:1", "schema.registry.url", "http://x",
                "method.lr", "1e-6", "method.epochs", "1"))).methodOverrides()).as("ordinary worker settings")
                .containsEntry("lr", 1e-6).containsEntry("epochs", 1.0);
    }

    @Test
    void theWorkerIsSwitchedOnlyOnceTheWeakVersionAndTheRetrainAfterItArePublished() {
        List<DemoRequests.Item> items = List.of(subject("s0"), subject("s1"), subject("s2"), subject("s3"), subject("s4"));
        DemoWeakBatch weak = DemoWeakBatch.of(items);
        DemoTracker t = new DemoTracker(DemoEvents.MODEL);
        t.add(DemoEvents.version(1, ModelVersionKind.BASE, List.of()));
        assertThat(weak.done(t)).isFalse();

        t.add(DemoEvents.version(2, ModelVersionKind.UNLEARNED, List.of("s0", "s1", "s2", "s3")));
        assertThat(weak.weakVersion(t)).map(ModelVersion::getVersionId).contains("m@v2");
        assertThat(weak.done(t)).as("the consolidation is not out yet").isFalse();

        t.add(DemoEvents.version(3, ModelVersionKind.RETRAINED, List.of()));
        assertThat(weak.done(t)).isTrue();
        assertThat(weak.story(t, "rl")).contains("ft at lr 1e-6 for 1 epoch -> m@v2 (4 requests", "consolidation -> m@v3", "restarted with rl");
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
