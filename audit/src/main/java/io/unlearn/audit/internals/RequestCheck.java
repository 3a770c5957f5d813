package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;

/** A check that judges every request of the log on its own, in order of first appearance. */
abstract class RequestCheck extends AuditCheck {

    RequestCheck(String name, String description) {
        super(name, description);
    }

    @Override
    final void check(AuditLog log, CheckResultBuilder result) {
        RequestHistory.of(log).values().forEach(request -> judge(request, log, result));
    }

    /** Records the verdict on one request: a pass, its failures, its warnings. */
    abstract void judge(RequestHistory request, AuditLog log, CheckResultBuilder result);
}
