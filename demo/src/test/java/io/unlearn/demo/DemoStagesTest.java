package io.unlearn.demo;

import static io.unlearn.demo.DemoEvents.at;
import static io.unlearn.demo.DemoEvents.lifecycle;
import static io.unlearn.demo.DemoEvents.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.unlearn.events.RequestState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoStagesTest {

    @Test
    void percentilesPerStageOverTheRequestsThatPassedThroughIt() {
        List<DemoTimeline> timelines = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            // ingest i/10 s, batch wait i s, unlearning 10 s, evaluation 2 s
            double accepted = i / 10.0;
            timelines.add(DemoTimeline.of("r" + i, "subject", at(0), lifecycle("r" + i, "m@v2", RequestState.VERIFIED,
                    accepted, accepted, accepted + i, accepted + i + 10, accepted + i + 12)));
        }
        timelines.add(DemoTimeline.of("bad", "unknown model", at(0), List.of(status("bad", RequestState.RECEIVED, 0, null, null),
                status("bad", RequestState.REJECTED, 0, null, "unknown model"))));

        DemoStages s = new DemoStages(timelines);

        assertThat(s.count(DemoStage.INGEST)).isEqualTo(20);
        assertThat(s.percentile(DemoStage.INGEST, 0.5)).isCloseTo(1.0, within(1e-9));
        assertThat(s.percentile(DemoStage.INGEST, 0.95)).isCloseTo(1.9, within(1e-9));
        assertThat(s.percentile(DemoStage.BATCH_WAIT, 0.5)).isCloseTo(10.0, within(1e-9));
        assertThat(s.percentile(DemoStage.BATCH_WAIT, 0.95)).isCloseTo(19.0, within(1e-9));
        assertThat(s.max(DemoStage.BATCH_WAIT)).isCloseTo(20.0, within(1e-9));
        assertThat(s.percentile(DemoStage.UNLEARNING, 0.95)).isCloseTo(10.0, within(1e-9));
        assertThat(s.percentile(DemoStage.EVALUATION, 0.5)).isCloseTo(2.0, within(1e-9));
        assertThat(s.rows()).hasSize(4).first().satisfies(r -> assertThat(r).containsExactly("ingest", "published → ACCEPTED", "20",
                "1.00 s", "1.90 s", "2.00 s"));
    }

    @Test
    void noMeasurementGivesNaNAndADash() {
        DemoStages s = new DemoStages(List.of());

        assertThat(s.count(DemoStage.UNLEARNING)).isZero();
        assertThat(s.percentile(DemoStage.UNLEARNING, 0.5)).isNaN();
        assertThat(s.rows().get(2)[3]).isEqualTo("–");
    }
}
