package io.unlearn.ingest.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Appending a step splices it into the stored text: the result reads back, and equals encoding the whole list. */
class StatusHistoryTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static RequestStatus status(RequestState state, String reason, String versionId, String emittedBy, long plusMs) {
        return RequestStatus.newBuilder().setRequestId("r1").setKind(RequestKind.DELETION).setState(state).setReason(reason)
                .setModelId("m").setVersionId(versionId).setEmittedBy(emittedBy).setOccurredAt(NOW.plusMillis(plusMs))
                .setDeadline(null).build();
    }

    @Test
    void appendedStepsReadBackInOrderAndMatchEncodingTheWholeList() throws Exception {
        String json = StatusHistory.append(null, status(RequestState.RECEIVED, null, null, "request-ingest", 0));
        json = StatusHistory.append(json, status(RequestState.ACCEPTED, "2 of 3 \"samples\" forgotten; ünïcode\n", null, "request-ingest", 1));
        json = StatusHistory.append(json, status(RequestState.APPLIED, null, "m@v2", "unlearn-worker", 7));

        StatusHistory history = StatusHistory.parse("r1", json);
        assertThat(history.steps()).extracting(StatusHistory.Step::state).containsExactly("RECEIVED", "ACCEPTED", "APPLIED");
        assertThat(history.steps().get(1).reason()).isEqualTo("2 of 3 \"samples\" forgotten; ünïcode\n");
        assertThat(history.steps().get(2).versionId()).isEqualTo("m@v2");
        assertThat(history.steps().get(2).occurredAtMillis()).isEqualTo(NOW.toEpochMilli() + 7);
        assertThat(history.currentState()).isEqualTo("APPLIED");
        assertThat(json).isEqualTo(new ObjectMapper().writeValueAsString(history.steps()));
    }

    @Test
    void appendsToAnEmptyArray() {
        String json = StatusHistory.append("[]", status(RequestState.RECEIVED, null, null, "request-ingest", 0));
        assertThat(StatusHistory.parse("r1", json).steps()).hasSize(1);
        assertThat(json).startsWith("[{").endsWith("}]");
    }

    @Test
    void aStoredValueThatIsNotAnArrayIsNamedAsCorrupt() {
        assertThatThrownBy(() -> StatusHistory.append("{\"state\":\"RECEIVED\"}", status(RequestState.ACCEPTED, null, null, "x", 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Corrupt status history");
    }
}
