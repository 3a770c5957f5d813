package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;
import io.unlearn.audit.CheckResult;

/** One verification over the replayed log; pure except where it must read artifacts from disk. */
public interface AuditCheck {

    /** @return the check's findings and counts */
    CheckResult run(AuditLog log);
}
