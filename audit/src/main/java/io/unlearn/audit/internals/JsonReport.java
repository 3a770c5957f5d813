package io.unlearn.audit.internals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.unlearn.audit.AuditResult;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit for machines: {@code verified}, {@code asOf}, {@code models}, {@code checks} (counts),
 * {@code findings} (severity, check, subject, message), {@code requests} (by final state) and
 * {@code versions} (with verdicts). Times are ISO-8601 text.
 */
public final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(AuditResult r) {
        try {
            return JSON.writeValueAsString(tree(r));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot render the audit as JSON: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> tree(AuditResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("verified", r.verified());
        root.put("asOf", text(r.asOf()));
        root.put("models", r.models());
        root.put("checks", r.checks().stream().map(c -> map("check", c.check(), "description", c.description(), "passed", c.passed(),
                "failed", c.failed(), "warnings", c.warnings())).toList());
        root.put("findings", r.checks().stream().flatMap(c -> c.findings().stream()).map(f -> map("severity", f.severity().name(),
                "check", f.check(), "subject", f.subject(), "message", f.message())).toList());
        Map<String, Object> requests = new LinkedHashMap<>();
        r.requests().forEach((state, list) -> requests.put(state.name(), list.stream().map(q -> map("requestId", q.requestId(),
                "modelId", q.modelId(), "kind", q.kind(), "reason", q.reason(), "deadline", text(q.deadline()))).toList()));
        root.put("requests", requests);
        root.put("versions", r.versions().stream().map(v -> map("versionId", v.versionId(), "modelId", v.modelId(), "version", v.version(),
                "kind", v.kind(), "method", v.method(), "appliedRequests", v.appliedRequests(), "createdAt", text(v.createdAt()),
                "verdict", v.verdict(), "failingCriteria", v.failingCriteria(), "parentVersionId", v.parentVersionId(),
                "supersedes", v.supersedes(), "escalation", v.escalation())).toList());
        return root;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static String text(Object time) {
        return time == null ? null : time.toString();
    }
}
