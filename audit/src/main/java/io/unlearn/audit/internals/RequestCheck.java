package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;
import io.unlearn.audit.CheckResult;

/** A check that judges every request of the log on its own, in order of first appearance. */
abstract class RequestCheck implements AuditCheck {
    private final String name;
    private final String description;

    RequestCheck(String name, String description) {
        this.name = name;
        this.description = description;
    }

    @Override
    public final CheckResult run(AuditLog log) {
        CheckResultBuilder result = new CheckResultBuilder(name, description);
        RequestHistory.of(log).values().forEach(request -> judge(request, log, result));
        return result.build();
    }

    /** Records the verdict on one request: a pass, its failures, its warnings. */
    abstract void judge(RequestHistory request, AuditLog log, CheckResultBuilder result);
}
