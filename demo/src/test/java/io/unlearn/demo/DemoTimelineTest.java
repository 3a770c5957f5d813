package io.unlearn.demo;

import static io.unlearn.demo.DemoEvents.at;
import static io.unlearn.demo.DemoEvents.lifecycle;
import static io.unlearn.demo.DemoEvents.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoTimelineTest {

    @Test
    void aVerifiedRequestPassesThroughEveryStage() {
        DemoTimeline t = DemoTimeline.of("r1", "subject s", at(0), lifecycle("r1", "m@v2", RequestState.VERIFIED, 0.2, 0.5, 3.5, 10.5, 12.0));

        assertThat(t.finalState()).isEqualTo(RequestState.VERIFIED);
        assertThat(t.isFinal()).isTrue();
        assertThat(t.versionId()).isEqualTo("m@v2");
        assertThat(t.reason()).isNull();
        assertThat(t.reached()).containsEntry(RequestState.RECEIVED, at(0.2)).containsEntry(RequestState.APPLIED, at(10.5));
        assertThat(t.seconds(DemoStage.INGEST)).isCloseTo(0.5, within(1e-9));
        assertThat(t.seconds(DemoStage.BATCH_WAIT)).isCloseTo(3.0, within(1e-9));
        assertThat(t.seconds(DemoStage.UNLEARNING)).isCloseTo(7.0, within(1e-9));
        assertThat(t.seconds(DemoStage.EVALUATION)).isCloseTo(1.5, within(1e-9));
        assertThat(t.secondsSincePublished(t.finishedAt())).isCloseTo(12.0, within(1e-9));
    }

    @Test
    void aFailedRequestKeepsItsReasonAndItsEvaluationStage() {
        DemoTimeline t = DemoTimeline.of("r2", "samples a,b,c", at(0), lifecycle("r2", "m@v3", RequestState.FAILED, 0, 1, 2, 3, 5));

        assertThat(t.finalState()).isEqualTo(RequestState.FAILED);
        assertThat(t.reason()).isEqualTo("version m@v3 REJECTED");
        assertThat(t.versionId()).isEqualTo("m@v3");
        assertThat(t.seconds(DemoStage.EVALUATION)).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void aRejectedRequestHasItsReasonAndNoStageAfterIngest() {
        DemoTimeline t = DemoTimeline.of("bad", "unknown model", at(0), List.of(status("bad", RequestState.RECEIVED, 0.1, null, null),
                status("bad", RequestState.REJECTED, 0.1, null, "unknown model fmnist-resnet")));

        assertThat(t.finalState()).isEqualTo(RequestState.REJECTED);
        assertThat(t.reason()).isEqualTo("unknown model fmnist-resnet");
        assertThat(t.finishedAt()).isEqualTo(at(0.1));
        for (DemoStage s : DemoStage.values()) {
            assertThat(t.seconds(s)).as(s.name()).isNaN();
        }
    }

    @Test
    void aRepeatedStatusKeepsTheFirstTimeAndAnInFlightRequestHasNoEnd() {
        List<RequestStatus> history = new ArrayList<>(lifecycle("r3", "m@v2", RequestState.VERIFIED, 0, 1, 2, 3, 4).subList(0, 3));
        history.add(status("r3", RequestState.BATCHED, 9, null, null));

        DemoTimeline t = DemoTimeline.of("r3", "subject s", at(0), history);

        assertThat(t.reached()).containsEntry(RequestState.BATCHED, at(2));
        assertThat(t.isFinal()).isFalse();
        assertThat(t.finishedAt()).isNull();
        assertThat(t.seconds(DemoStage.BATCH_WAIT)).isCloseTo(1.0, within(1e-9));
        assertThat(t.seconds(DemoStage.UNLEARNING)).isNaN();
    }

    @Test
    void withoutAPublicationTimeIngestIsUnknown() {
        DemoTimeline t = DemoTimeline.of("r4", "subject s", null, lifecycle("r4", "m@v2", RequestState.VERIFIED, 0, 1, 2, 3, 4));

        assertThat(t.seconds(DemoStage.INGEST)).isNaN();
        assertThat(t.seconds(DemoStage.BATCH_WAIT)).isCloseTo(1.0, within(1e-9));
    }
}
