package io.unlearn.audit;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.RequestStatus;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Everything the audit replays, decoded: the committed records of the audited topics, each list in log
 * order (offset order within a partition; a key's records share a partition, so each request's statuses
 * and each model's versions are in the order they were written).
 *
 * @param versions    unlearn.models.versions
 * @param accepted    unlearn.requests.accepted
 * @param statuses    unlearn.requests.status
 * @param forgotten   unlearn.catalog.forgotten
 * @param reports     unlearn.eval.reports
 * @param undecodable one line per record that could not be decoded (topic-partition@offset: why)
 * @param newestRecordAt the timestamp of the newest record read: the audit's "now", so the same log
 *                       always gives the same verdict
 */
public record AuditLog(List<ModelVersion> versions, List<AcceptedRequest> accepted, List<RequestStatus> statuses,
                       List<ForgottenSample> forgotten, List<EvaluationReport> reports, List<String> undecodable,
                       Instant newestRecordAt) {

    public AuditLog {
        versions = List.copyOf(versions);
        accepted = List.copyOf(accepted);
        statuses = List.copyOf(statuses);
        forgotten = List.copyOf(forgotten);
        reports = List.copyOf(reports);
        undecodable = List.copyOf(undecodable);
    }

    /**
     * Only the records about the models {@code model} selects. A request belongs to a model when its
     * accepted record or any of its statuses names that model.
     */
    public AuditLog forModels(Predicate<String> model) {
        Set<String> requests = new HashSet<>();
        accepted.stream().filter(a -> model.test(a.getModelId())).forEach(a -> requests.add(a.getRequestId()));
        statuses.stream().filter(s -> s.getModelId() != null && model.test(s.getModelId())).forEach(s -> requests.add(s.getRequestId()));
        return new AuditLog(
                versions.stream().filter(v -> model.test(v.getModelId())).toList(),
                accepted.stream().filter(a -> model.test(a.getModelId())).toList(),
                statuses.stream().filter(s -> requests.contains(s.getRequestId())).toList(),
                forgotten.stream().filter(f -> model.test(f.getModelId())).toList(),
                reports.stream().filter(r -> model.test(r.getModelId())).toList(),
                undecodable, newestRecordAt);
    }
}
