package io.unlearn.audit;

/**
 * One thing the audit found wrong (a failure) or worth a look (a warning).
 *
 * @param severity FAILURE makes the audit fail; WARNING does not
 * @param check    the check's name, e.g. {@code lineage}
 * @param subject  what it is about: a request id, a version id, a model id, a record position
 * @param message  what is wrong, naming the evidence
 */
public record Finding(Severity severity, String check, String subject, String message) {

    /** How much a finding weighs. */
    public enum Severity { FAILURE, WARNING }

    /** The finding as one line, e.g. {@code [lineage] m@v2: forged or altered version event: ...}. */
    public String line() {
        return "[" + check + "] " + subject + ": " + message;
    }
}
