package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;
import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as the log tells it: its accepted record (when ingest accepted it) and its statuses in the
 * order they were written.
 *
 * @param requestId the request
 * @param accepted  its record on unlearn.requests.accepted, or null when it was never accepted
 * @param statuses  its records on unlearn.requests.status, in log order
 */
public record RequestHistory(String requestId, AcceptedRequest accepted, List<RequestStatus> statuses) {

    /** Every request in the log, in order of first appearance. */
    public static Map<String, RequestHistory> of(AuditLog log) {
        Map<String, AcceptedRequest> accepted = new LinkedHashMap<>();
        log.accepted().forEach(a -> accepted.putIfAbsent(a.getRequestId(), a));
        Map<String, List<RequestStatus>> statuses = new LinkedHashMap<>();
        log.statuses().forEach(s -> statuses.computeIfAbsent(s.getRequestId(), k -> new ArrayList<>()).add(s));
        accepted.keySet().forEach(id -> statuses.putIfAbsent(id, new ArrayList<>()));
        Map<String, RequestHistory> out = new LinkedHashMap<>();
        statuses.forEach((id, list) -> out.put(id, new RequestHistory(id, accepted.get(id), List.copyOf(list))));
        return out;
    }

    /** The last state written; UNKNOWN when the request has no status at all. */
    public RequestState finalState() {
        return statuses.isEmpty() ? RequestState.UNKNOWN : statuses.get(statuses.size() - 1).getState();
    }

    /** The last status, if any. */
    public Optional<RequestStatus> last() {
        return statuses.isEmpty() ? Optional.empty() : Optional.of(statuses.get(statuses.size() - 1));
    }

    /** The first status that entered {@code state}, if any. */
    public Optional<RequestStatus> first(RequestState state) {
        return statuses.stream().filter(s -> s.getState() == state).findFirst();
    }

    public RequestKind kind() {
        if (accepted != null) {
            return accepted.getKind();
        }
        return statuses.stream().map(RequestStatus::getKind).filter(k -> k != RequestKind.UNKNOWN).findFirst().orElse(RequestKind.UNKNOWN);
    }

    /** The model, from the accepted record or the first status that names one; null when none does. */
    public String modelId() {
        if (accepted != null) {
            return accepted.getModelId();
        }
        return statuses.stream().map(RequestStatus::getModelId).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The deadline, from the accepted record or the first status that carries one. */
    public Optional<Instant> deadline() {
        if (accepted != null) {
            return Optional.of(accepted.getDeadline());
        }
        return statuses.stream().map(RequestStatus::getDeadline).filter(Objects::nonNull).findFirst();
    }

    /** The reason given by the last status (why a request was REJECTED or FAILED), or "". */
    public String reason() {
        return last().map(RequestStatus::getReason).map(Object::toString).orElse("");
    }
}
