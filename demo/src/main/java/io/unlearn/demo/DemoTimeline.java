package io.unlearn.demo;

import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.schemas.RequestLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One request's way through the system, from its status events: when the demo published it, when it first reached
 * each state (a repeated status keeps the first time), where it ended, the version that applied or judged it, and why
 * it was REJECTED, FAILED or is AWAITING_EVIDENCE (pending: its version's forget set was too small to decide).
 *
 * @param published when the demo published it; null when unknown
 * @param reached the first time each state was reached, in lifecycle order
 * @param finalState the latest state, or null before the first status
 * @param versionId the version that applied it (APPLIED) or was judged for it (VERIFIED, FAILED); null before
 * @param reason the reason of a REJECTED, FAILED or AWAITING_EVIDENCE status (or of a VERIFIED one decided by a later
 *     version after awaiting evidence); null otherwise
 */
record DemoTimeline(String requestId, String description, Instant published, Map<RequestState, Instant> reached,
                    RequestState finalState, String versionId, String reason) {

    /** The requests' timelines, in the given (publication) order. */
    static List<DemoTimeline> of(Collection<DemoRequests.Item> distinct, Map<String, List<RequestStatus>> statuses,
                                 Map<String, Instant> publishedAt) {
        List<DemoTimeline> out = new ArrayList<>();
        for (DemoRequests.Item i : distinct) {
            out.add(of(i.requestId(), i.description(), publishedAt.get(i.requestId()), statuses.getOrDefault(i.requestId(), List.of())));
        }
        return out;
    }

    static DemoTimeline of(String requestId, String description, Instant published, List<RequestStatus> history) {
        Map<RequestState, Instant> reached = new EnumMap<>(RequestState.class);
        RequestState last = null;
        String versionId = null;
        String reason = null;
        for (RequestStatus s : history) {
            reached.putIfAbsent(s.getState(), s.getOccurredAt());
            last = s.getState();
            versionId = s.getVersionId() != null ? s.getVersionId() : versionId;
            reason = explains(s, reached) ? s.getReason() : reason;
        }
        return new DemoTimeline(requestId, description, published, Collections.unmodifiableMap(reached), last, versionId, reason);
    }

    /** REJECTED, FAILED and AWAITING_EVIDENCE say why; so does a VERIFIED that a later version decided after awaiting evidence. */
    private static boolean explains(RequestStatus s, Map<RequestState, Instant> reached) {
        return switch (s.getState()) {
            case REJECTED, FAILED, AWAITING_EVIDENCE -> true;
            case VERIFIED -> reached.containsKey(RequestState.AWAITING_EVIDENCE);
            default -> false;
        };
    }

    boolean isFinal() {
        return finalState != null && RequestLifecycle.isTerminal(finalState);
    }

    /** When it reached its final state (VERIFIED, FAILED or REJECTED), or null while in flight. */
    Instant finishedAt() {
        return isFinal() ? reached.get(finalState) : null;
    }

    /** Seconds spent in {@code stage}; NaN when the request did not pass through both of its ends. */
    double seconds(DemoStage stage) {
        Instant from = stage == DemoStage.INGEST ? published : reached.get(stage.from());
        Instant to = stage == DemoStage.EVALUATION ? (finalState == RequestState.REJECTED ? null : finishedAt()) : reached.get(stage.to());
        return from == null || to == null ? Double.NaN : Duration.between(from, to).toMillis() / 1000.0;
    }

    /** Seconds from {@code published} to {@code at}, for showing a time relative to the request's start. */
    double secondsSincePublished(Instant at) {
        return published == null || at == null ? Double.NaN : Duration.between(published, at).toMillis() / 1000.0;
    }
}
