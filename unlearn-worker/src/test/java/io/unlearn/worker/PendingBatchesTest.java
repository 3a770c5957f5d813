package io.unlearn.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.events.RequestKind;
import io.unlearn.worker.internals.FirstVersionWait;
import io.unlearn.worker.internals.PendingBatches;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PendingBatchesTest {
    private static final TopicPartition P0 = new TopicPartition("unlearn.requests.accepted", 0);
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private static PendingBatches.Entry entry(String model, String id, long offset, int samples) {
        AcceptedRequest r = AcceptedRequest.newBuilder().setRequestId(id).setKind(RequestKind.DELETION).setModelId(model)
                .setRequester("t").setSampleIds(java.util.stream.IntStream.range(0, samples).mapToObj(i -> id + "-" + i).toList())
                .setLegalBasis(LegalBasis.GDPR_ART_17).setReceivedAt(T0).setAcceptedAt(T0).setDeadline(T0.plusSeconds(3600)).build();
        return new PendingBatches.Entry(r, P0, offset);
    }

    @Test
    void fullBatchesAreCutAtTheLimitEvenWithinOnePoll() {
        PendingBatches pending = new PendingBatches(2, 1000, 60_000);
        for (int i = 0; i < 5; i++) {
            pending.add(entry("m", "r" + i, i, 1), T0);
        }
        List<PendingBatches.Batch> due = pending.takeDue(T0);
        assertThat(due).hasSize(2).allSatisfy(b -> assertThat(b.entries()).hasSize(2));
        assertThat(pending.takeDue(T0.plusSeconds(61))).singleElement().satisfies(b -> assertThat(b.entries()).hasSize(1));
    }

    @Test
    void offsetsNeverPassTheFirstRequestOfAnUnpublishedBatch() {
        PendingBatches pending = new PendingBatches(2, 1000, 60_000);
        pending.add(entry("a", "a1", 10, 1), T0);
        pending.add(entry("b", "b1", 11, 1), T0);
        pending.add(entry("b", "b2", 12, 1), T0);
        pending.skip(P0, 13);
        PendingBatches.Batch b = pending.takeDue(T0).get(0);
        assertThat(b.modelId()).isEqualTo("b");
        pending.done(b);
        assertThat(pending.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));
        PendingBatches.Batch a = pending.takeDue(T0.plusSeconds(60)).get(0);
        pending.done(a);
        assertThat(pending.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(14)));
    }

    @Test
    void aBatchIsAlsoCutByItsSampleCount() {
        PendingBatches pending = new PendingBatches(100, 5, 60_000);
        pending.add(entry("m", "big", 0, 6), T0);
        assertThat(pending.takeDue(T0)).singleElement().satisfies(b -> assertThat(b.samples()).isEqualTo(6));
    }

    @Test
    void revokedPartitionsDropTheirPendingRequests() {
        PendingBatches pending = new PendingBatches(10, 1000, 60_000);
        pending.add(entry("m", "r", 3, 1), T0);
        pending.revoke(List.of(P0));
        assertThat(pending.isEmpty()).isTrue();
        assertThat(pending.committable()).isEmpty();
    }

    @Test
    void aDeferredBatchHoldsItsOffsetsBackAndIsDueAgainAtItsTime() {
        PendingBatches pending = new PendingBatches(1, 1000, 60_000);
        pending.add(entry("m", "r1", 5, 1), T0);
        PendingBatches.Batch b = pending.takeDue(T0).get(0);
        assertThat(b.waited()).isFalse();
        pending.defer(b, T0.plusSeconds(2));
        pending.add(entry("other", "o1", 6, 1), T0);
        pending.done(pending.takeDue(T0.plusSeconds(1)).get(0));
        assertThat(pending.committable()).as("not past the deferred request").isEqualTo(Map.of(P0, new OffsetAndMetadata(5)));
        assertThat(pending.isEmpty()).isFalse();
        assertThat(pending.takeDue(T0.plusSeconds(2))).singleElement().isSameAs(b).satisfies(x -> assertThat(x.waited()).isTrue());
        pending.done(b);
        assertThat(pending.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(7)));
    }

    @Test
    void aFirstVersionWaitIsAnnouncedOnceAndEndsInAFailureAtItsBound() {
        FirstVersionWait wait = new FirstVersionWait(java.time.Duration.ofSeconds(5));
        PendingBatches pending = new PendingBatches(1, 1000, 60_000);
        pending.add(entry("m", "r1", 0, 1), T0);
        PendingBatches.Batch b = pending.takeDue(T0).get(0);
        FirstVersionWait.Wait first = (FirstVersionWait.Wait) wait.decide(b, T0);
        assertThat(first.recheckAt()).isEqualTo(T0.plus(FirstVersionWait.RECHECK));
        assertThat(first.announcement()).contains("model 'm'").contains(T0.plusSeconds(5).toString());
        pending.defer(b, first.recheckAt());
        FirstVersionWait.Wait again = (FirstVersionWait.Wait) wait.decide(b, T0.plusSeconds(4));
        assertThat(again.announcement()).as("said once").isNull();
        assertThat(again.recheckAt()).as("never later than the bound").isEqualTo(T0.plusSeconds(5));
        assertThat(wait.decide(b, T0.plusSeconds(5))).isInstanceOfSatisfying(FirstVersionWait.Fail.class,
                f -> assertThat(f.reason()).contains("unlearn models train --model m"));
        assertThat(new FirstVersionWait(java.time.Duration.ZERO).decide(b, T0)).as("model.wait.ms=0: at once")
                .isInstanceOf(FirstVersionWait.Fail.class);
    }

    @Test
    void aRevokedPartitionDropsItsDeferredBatchToo() {
        PendingBatches pending = new PendingBatches(1, 1000, 60_000);
        pending.add(entry("m", "r1", 0, 1), T0);
        pending.defer(pending.takeDue(T0).get(0), T0.plusSeconds(2));
        pending.revoke(List.of(P0));
        assertThat(pending.isEmpty()).isTrue();
        assertThat(pending.takeDue(T0.plusSeconds(3))).isEmpty();
    }

    @Test
    void aRequestIdAlreadyPendingIsNotAddedTwiceAndOnlyItsOffsetMovesOn() {
        PendingBatches pending = new PendingBatches(10, 1000, 60_000);
        assertThat(pending.add(entry("m", "r1", 0, 2), T0)).isEmpty();
        assertThat(pending.add(entry("m", "r1", 1, 2), T0)).as("the same accepted record again").hasValueSatisfying(
                earlier -> assertThat(earlier.offset()).isZero());
        assertThat(pending.add(entry("other", "r1", 2, 1), T0)).as("the id, whatever the model").isPresent();
        assertThat(pending.add(entry("m", "r2", 3, 1), T0)).isEmpty();
        PendingBatches.Batch b = pending.takeDue(T0.plusSeconds(60)).get(0);
        assertThat(b.requests()).extracting(AcceptedRequest::getRequestId).containsExactly("r1", "r2");
        assertThat(b.samples()).as("the duplicate's samples are not counted").isEqualTo(3);
        assertThat(pending.takeDue(T0.plusSeconds(120))).as("no batch for the duplicate's other model").isEmpty();
        assertThat(pending.isPending("r1")).isTrue();
        pending.done(b);
        assertThat(pending.isPending("r1")).as("published: the worker's heads decide from now on").isFalse();
        assertThat(pending.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(4)));
    }

    @Test
    void aRequestOfARevokedPartitionIsNoLongerPendingSoItsNewOwnerTakesIt() {
        PendingBatches pending = new PendingBatches(10, 1000, 60_000);
        pending.add(entry("m", "r1", 0, 1), T0);
        pending.revoke(List.of(P0));
        assertThat(pending.isPending("r1")).isFalse();
        assertThat(pending.add(entry("m", "r1", 0, 1), T0)).as("assigned again and re-read").isEmpty();
    }
}
