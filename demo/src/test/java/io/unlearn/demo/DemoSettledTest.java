package io.unlearn.demo;

import static io.unlearn.demo.DemoEvents.lifecycle;
import static io.unlearn.demo.DemoEvents.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the demo stops waiting: every request final, or awaiting evidence that nothing still under way could bring. */
class DemoSettledTest {
    private static final List<String> IDS = List.of("a", "b");

    @Test
    void aRequestInFlightKeepsTheDemoWaiting() {
        DemoTracker t = new DemoTracker(DemoEvents.MODEL);
        lifecycle("a", "m@v2", RequestState.VERIFIED, 1, 2, 3, 4, 5).forEach(t::add);
        t.add(status("b", RequestState.RECEIVED, 1, null, null));
        t.add(status("b", RequestState.ACCEPTED, 2, null, null));

        assertThat(t.settled(IDS)).isFalse();
    }

    @Test
    void requestsAwaitingEvidenceAreSettledOnceEveryVersionHasItsReport() {
        DemoTracker t = new DemoTracker(DemoEvents.MODEL);
        var v2 = DemoEvents.version(2, ModelVersionKind.UNLEARNED, List.of("a", "b"));
        t.add(v2);
        lifecycle("a", "m@v2", RequestState.AWAITING_EVIDENCE, 1, 2, 3, 4, 5).forEach(t::add);
        lifecycle("b", "m@v2", RequestState.FAILED, 1, 2, 3, 4, 5).forEach(t::add);
        t.add(DemoEvents.report(v2, Verdict.INCONCLUSIVE, Map.of(), Map.of(), List.of()));
        var v3 = DemoEvents.version(3, ModelVersionKind.SUPPRESSED, List.of());

        assertThat(t.settled(IDS)).as("nothing in flight, every version judged").isTrue();
        assertThat(t.terminal("a")).as("awaiting evidence is not final").isFalse();
        t.add(v3);
        assertThat(t.settled(IDS)).as("a version still being evaluated could decide it").isFalse();
    }

    @Test
    void withNothingAwaitingAnUnjudgedFollowUpVersionDoesNotHoldTheDemo() {
        DemoTracker t = new DemoTracker(DemoEvents.MODEL);
        lifecycle("a", "m@v2", RequestState.VERIFIED, 1, 2, 3, 4, 5).forEach(t::add);
        lifecycle("b", "m@v2", RequestState.FAILED, 1, 2, 3, 4, 5).forEach(t::add);
        t.add(DemoEvents.version(3, ModelVersionKind.RETRAINED, List.of()));

        assertThat(t.settled(IDS)).isTrue();
    }
}
