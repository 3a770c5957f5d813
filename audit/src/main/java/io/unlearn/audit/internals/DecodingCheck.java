package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;
import io.unlearn.audit.CheckResult;

/** Every record on the audited topics decodes against its schema; one that does not is evidence the audit cannot read. */
public final class DecodingCheck implements AuditCheck {
    static final String NAME = "records";

    @Override
    public CheckResult run(AuditLog log) {
        CheckResultBuilder result = new CheckResultBuilder(NAME, "every record on the audited topics decodes");
        log.undecodable().forEach(line -> result.fail(line.substring(0, Math.max(0, line.indexOf(':'))), "undecodable record: " + line));
        int decoded = log.versions().size() + log.accepted().size() + log.statuses().size() + log.forgotten().size() + log.reports().size();
        return result.pass(decoded).build();
    }
}
