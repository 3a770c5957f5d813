package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;

/** Every record on the audited topics decodes against its schema; one that does not is evidence the audit cannot read. */
public final class DecodingCheck extends AuditCheck {

    public DecodingCheck() {
        super("records", "every record on the audited topics decodes");
    }

    @Override
    void check(AuditLog log, CheckResultBuilder result) {
        log.undecodable().forEach(line -> result.fail(line.substring(0, Math.max(0, line.indexOf(':'))), "undecodable record: " + line));
        int decoded = log.versions().size() + log.accepted().size() + log.statuses().size() + log.forgotten().size() + log.reports().size();
        result.pass(decoded);
    }
}
