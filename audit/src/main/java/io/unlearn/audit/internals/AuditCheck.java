package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;
import io.unlearn.audit.CheckResult;

/** One verification over the replayed log; pure except where it must read artifacts from disk. */
public abstract class AuditCheck {
    private final String name;
    private final String description;

    /**
     * @param name        what the reports call it, e.g. {@code lineage}
     * @param description what it verifies, in one line
     */
    AuditCheck(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /** @return the check's findings and counts */
    public final CheckResult run(AuditLog log) {
        CheckResultBuilder result = new CheckResultBuilder(name, description);
        check(log, result);
        return result.build();
    }

    /** Records the verdict on every subject (request, version, artifact, record) of {@code log}. */
    abstract void check(AuditLog log, CheckResultBuilder result);
}
