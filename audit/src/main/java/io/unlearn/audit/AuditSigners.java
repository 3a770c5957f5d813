package io.unlearn.audit;

import io.unlearn.schemas.TrustedKeys;

/**
 * Whose signatures the audit accepts: the public keys of the workers (every {@code ModelVersion}, BASE versions from
 * {@code unlearn models train} included) and of the evaluators (every {@code EvaluationReport}). A kind of event with no
 * trusted key is not checked, and the audit says so in a warning: the log alone cannot tell a forged event from a real
 * one, so the keys must come from outside it.
 *
 * @param workers    keys a version may be signed with
 * @param evaluators keys a report may be signed with
 */
public record AuditSigners(TrustedKeys workers, TrustedKeys evaluators) {
    private static final AuditSigners NONE = new AuditSigners(TrustedKeys.none(), TrustedKeys.none());

    public AuditSigners {
        workers = workers == null ? TrustedKeys.none() : workers;
        evaluators = evaluators == null ? TrustedKeys.none() : evaluators;
    }

    /** No trusted key: signatures are not checked (a warning says so). */
    public static AuditSigners none() {
        return NONE;
    }
}
