package io.unlearn.schemas;

import io.unlearn.events.RequestState;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.unlearn.events.RequestState.ACCEPTED;
import static io.unlearn.events.RequestState.APPLIED;
import static io.unlearn.events.RequestState.AWAITING_EVIDENCE;
import static io.unlearn.events.RequestState.BATCHED;
import static io.unlearn.events.RequestState.ESCALATING;
import static io.unlearn.events.RequestState.FAILED;
import static io.unlearn.events.RequestState.RECEIVED;
import static io.unlearn.events.RequestState.REJECTED;
import static io.unlearn.events.RequestState.VERIFIED;

/**
 * The lifecycle of a request: the allowed moves between the {@link RequestState}s (the generated Avro
 * enum), defined here and nowhere else.
 * <pre>
 *              ingest       worker      worker      evaluator
 *   RECEIVED ─────────► ACCEPTED ──► BATCHED ──► APPLIED ──► VERIFIED   (version CERTIFIED)
 *     │  │                  │           │           │  ▲
 *     │  │                  │           │           ▼  │ a later version of the lineage decides
 *     │  │                  │           │      AWAITING_EVIDENCE   (version INCONCLUSIVE: forget set too small)
 *     │  └──────────────────┴─────┬─────┴───────────┘  │
 *     ▼ invalid input             ▼ could not process, method error, top of the escalation ladder REJECTED
 *   REJECTED                    FAILED
 *
 *   APPLIED | AWAITING_EVIDENCE ──► ESCALATING ──► APPLIED (again, by a stronger method's version) | FAILED
 *              evaluator: version REJECTED or       worker: re-applied on the last certified version,
 *              its worst-case challenge failed      or no stronger method is left on the ladder
 *                                          └──────► VERIFIED | AWAITING_EVIDENCE | FAILED   evaluator: its verdict on the
 *                                                   version that had already re-applied the request when it went ESCALATING
 * </pre>
 * The last line is a race the two services cannot avoid without a lock: the worker rebuilds a rejected lineage (re-applying
 * the requests of the versions it supersedes) while the evaluator, not having read the rebuild yet, rejects one of those
 * versions and sends its requests to ESCALATING. The re-application happened before the escalation was announced, so no
 * APPLIED follows; the verdict on the re-applying version does. The audit's supersession check holds such a verdict to
 * the same rule as an APPLIED: it names a version that applies the request and supersedes the one it escalated from.
 * RECEIVED is the only start; REJECTED, VERIFIED and FAILED are final (a retry is a new request).
 * UNKNOWN (a state added after this reader was built) allows no move: such records are for newer readers.
 * A repeated status (the same state twice, e.g. after an at-least-once emitter retried) is not a move;
 * readers should ignore it rather than treat it as an error.
 */
public final class RequestLifecycle {

    /** The state every request starts in. */
    public static final RequestState INITIAL = RECEIVED;

    private static final Map<RequestState, Set<RequestState>> NEXT = new EnumMap<>(RequestState.class);

    static {
        for (RequestState state : RequestState.values()) {
            NEXT.put(state, EnumSet.noneOf(RequestState.class));
        }
        allow(RECEIVED, ACCEPTED, REJECTED, FAILED);
        allow(ACCEPTED, BATCHED, FAILED);
        allow(BATCHED, APPLIED, FAILED);
        allow(APPLIED, VERIFIED, FAILED, AWAITING_EVIDENCE, ESCALATING);
        allow(AWAITING_EVIDENCE, VERIFIED, FAILED, ESCALATING);
        allow(ESCALATING, APPLIED, FAILED, VERIFIED, AWAITING_EVIDENCE);
    }

    private RequestLifecycle() {
    }

    private static void allow(RequestState from, RequestState... to) {
        NEXT.get(from).addAll(Set.of(to));
    }

    /** Whether a request in state {@code from} may move to {@code to}. */
    public static boolean canMove(RequestState from, RequestState to) {
        return from != null && to != null && NEXT.get(from).contains(to);
    }

    /** The states a request in {@code from} may move to; empty for final states. */
    public static Set<RequestState> next(RequestState from) {
        return Collections.unmodifiableSet(NEXT.get(from));
    }

    /** Whether nothing can follow {@code state}: REJECTED, VERIFIED, FAILED. */
    public static boolean isTerminal(RequestState state) {
        return state == REJECTED || state == VERIFIED || state == FAILED;
    }

    /**
     * Checks a move.
     *
     * @throws ContractException naming the request, both states and the allowed next states
     */
    public static void requireMove(String requestId, RequestState from, RequestState to) {
        if (!canMove(from, to)) {
            throw new ContractException("Request " + requestId + " cannot move from " + from + " to " + to
                    + "; from " + from + " it may only move to " + (from == null ? Set.of() : next(from))
                    + ". A status emitter is out of order or the request was handled twice.");
        }
    }
}
