package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.schemas.RequestLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Deadline breaches, as warnings: a request whose deadline passed before it reached VERIFIED, or, for a
 * request that ended REJECTED or FAILED, before it reached that terminal state; a request still in flight
 * whose deadline lies before the newest record read. Each warning says which of these it is.
 */
public final class DeadlineCheck extends RequestCheck {
    public DeadlineCheck() {
        super("deadlines", "requests reached VERIFIED (or their terminal state) before their deadline (breaches are warnings)");
    }

    @Override
    void judge(RequestHistory request, AuditLog log, CheckResultBuilder result) {
        request.deadline().flatMap(deadline -> breach(request, deadline, log.newestRecordAt()))
                .ifPresentOrElse(m -> result.warn(request.requestId(), m), result::pass);
    }

    private static Optional<String> breach(RequestHistory request, Instant deadline, Instant now) {
        Optional<RequestStatus> verified = request.first(RequestState.VERIFIED);
        if (verified.isPresent()) {
            Instant at = verified.get().getOccurredAt();
            return at.isAfter(deadline) ? Optional.of("deadline breached: VERIFIED at " + at + ", " + late(deadline, at)
                    + " after its deadline " + deadline) : Optional.empty();
        }
        RequestState state = request.finalState();
        if (RequestLifecycle.isTerminal(state)) {
            Instant at = request.last().orElseThrow().getOccurredAt();
            return at.isAfter(deadline) ? Optional.of("deadline breached: never VERIFIED, reached " + state + " at " + at + ", "
                    + late(deadline, at) + " after its deadline " + deadline) : Optional.empty();
        }
        if (now != null && now.isAfter(deadline)) {
            return Optional.of("deadline breached: still " + state + " (not terminal) and its deadline " + deadline + " passed "
                    + late(deadline, now) + " before the newest record read");
        }
        return Optional.empty();
    }

    /** A duration as people say it: 3d4h, 2h5m, 4m12s, 950ms. */
    static String late(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        if (d.toDays() > 0) {
            return d.toDays() + "d" + d.toHoursPart() + "h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h" + d.toMinutesPart() + "m";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + "m" + d.toSecondsPart() + "s";
        }
        return d.getSeconds() > 0 ? d.getSeconds() + "s" : d.toMillis() + "ms";
    }
}
