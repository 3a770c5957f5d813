package io.unlearn.audit;

/**
 * The one unchecked exception of the audit library: the audit could not be run at all (invalid options, a
 * cluster it cannot read). A log that does not verify is no exception: it is an {@link AuditResult} whose
 * {@link AuditResult#verified()} is false. Messages say what happened and the fix.
 */
public class AuditException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuditException(String message) {
        super(message);
    }
}
