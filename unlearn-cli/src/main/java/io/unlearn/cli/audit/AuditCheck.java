package io.unlearn.cli.audit;

/** One verification over the replayed log; pure except where it must read artifacts from disk. */
public interface AuditCheck {

    /** @return the check's findings and counts */
    CheckResult run(AuditLog log);
}
