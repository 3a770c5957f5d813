package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;
import io.unlearn.audit.AuditSigners;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.Signature;
import io.unlearn.schemas.EventSignatures;

/**
 * Every version carries a valid Ed25519 signature by a trusted worker key, and every evaluation report one by a trusted
 * evaluator key ({@link EventSignatures}). This is what the lineage hash cannot give: anyone who can write to
 * unlearn.models.versions can recompute a lineage hash over a real parent and an artifact of their own, but not sign
 * with the worker's key. Each event whose signature is missing, made with a key not trusted for it, or not matching its
 * content is a failure naming it. Without trusted keys for a kind of event, that kind is not checked (one warning).
 */
public final class SignatureCheck extends AuditCheck {
    private final AuditSigners signers;

    SignatureCheck(AuditSigners signers) {
        super("signatures", "every version is signed by a trusted worker key and every report by a trusted evaluator key");
        this.signers = signers;
    }

    @Override
    void check(AuditLog log, CheckResultBuilder result) {
        if (signers.workers().isEmpty()) {
            result.warn("versions", "version signatures not checked: no trusted worker key given (unlearn audit replay"
                    + " --worker-keys <file or dir>); a version forged straight onto unlearn.models.versions would pass");
        } else {
            for (ModelVersion v : log.versions()) {
                outcome(EventSignatures.verify(v, signers.workers()), v.getSignature(), "worker", v.getVersionId(), result);
            }
        }
        if (signers.evaluators().isEmpty()) {
            result.warn("reports", "report signatures not checked: no trusted evaluator key given (unlearn audit replay"
                    + " --evaluator-keys <file or dir>)");
        } else {
            for (EvaluationReport r : log.reports()) {
                String subject = "report of " + r.getVersionId() + (r.getWorstCase() == null ? "" : " (challenge)");
                outcome(EventSignatures.verify(r, signers.evaluators()), r.getSignature(), "evaluator", subject, result);
            }
        }
    }

    private static void outcome(EventSignatures.Check check, Signature s, String signer, String subject, CheckResultBuilder result) {
        switch (check) {
            case VALID -> result.pass();
            case MISSING -> result.fail(subject, "unsigned: no " + signer + " signed it (forged onto the topic, or published"
                    + " before signing existed)");
            case UNKNOWN_KEY -> result.fail(subject, "signed with " + s.getAlgorithm() + " key " + s.getKeyId() + ", which is not a"
                    + " trusted " + signer + " key: not published by a " + signer + " of this system");
            case BAD -> result.fail(subject, "its signature by " + signer + " key " + s.getKeyId() + " does not match its content:"
                    + " the record was altered after it was signed");
        }
    }
}
