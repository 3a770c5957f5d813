package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.schemas.RequestLifecycle;
import java.util.ArrayList;
import java.util.List;

/**
 * Every request's statuses follow {@link RequestLifecycle}: the first is RECEIVED, each later one is an
 * allowed move from the one before. A repeated state (an emitter's retry) is not a move and is skipped,
 * as RequestLifecycle tells readers to do. A request that was accepted but has no status at all fails.
 */
public final class LifecycleCheck extends RequestCheck {
    public LifecycleCheck() {
        super("lifecycle", "each request's statuses follow RequestLifecycle (RECEIVED first, allowed moves only)");
    }

    @Override
    void judge(RequestHistory request, AuditLog log, CheckResultBuilder result) {
        result.subject(request.requestId(), problems(request));
    }

    private static List<String> problems(RequestHistory request) {
        List<String> problems = new ArrayList<>();
        List<RequestStatus> statuses = request.statuses();
        if (statuses.isEmpty()) {
            problems.add("accepted for " + request.modelId() + " but has no status on unlearn.requests.status");
            return problems;
        }
        RequestState first = statuses.get(0).getState();
        if (first != RequestLifecycle.INITIAL) {
            problems.add("invalid status sequence: starts with " + first + ", not " + RequestLifecycle.INITIAL);
        }
        RequestState previous = first;
        for (RequestStatus s : statuses.subList(1, statuses.size())) {
            RequestState next = s.getState();
            if (next == previous) {
                continue;
            }
            if (!RequestLifecycle.canMove(previous, next)) {
                problems.add("invalid status transition " + previous + " -> " + next + " (by " + s.getEmittedBy() + " at "
                        + s.getOccurredAt() + "); from " + previous + " only " + RequestLifecycle.next(previous) + " may follow");
            }
            previous = next;
        }
        return problems;
    }
}
