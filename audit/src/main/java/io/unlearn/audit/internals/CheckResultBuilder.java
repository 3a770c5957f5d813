package io.unlearn.audit.internals;

import io.unlearn.audit.CheckResult;
import io.unlearn.audit.Finding.Severity;
import io.unlearn.audit.Finding;
import java.util.ArrayList;
import java.util.List;

/** Collects a check's findings subject by subject and counts passed and failed subjects. */
final class CheckResultBuilder {
    private final String check;
    private final String description;
    private final List<Finding> findings = new ArrayList<>();
    private int passed;
    private int failed;

    CheckResultBuilder(String check, String description) {
        this.check = check;
        this.description = description;
    }

    /** Records the verdict on one subject: failed when {@code failures} is not empty. */
    CheckResultBuilder subject(String subject, List<String> failures) {
        failures.forEach(m -> findings.add(new Finding(Severity.FAILURE, check, subject, m)));
        if (failures.isEmpty()) {
            passed++;
        } else {
            failed++;
        }
        return this;
    }

    CheckResultBuilder pass() {
        return pass(1);
    }

    CheckResultBuilder pass(int subjects) {
        passed += subjects;
        return this;
    }

    CheckResultBuilder fail(String subject, String message) {
        findings.add(new Finding(Severity.FAILURE, check, subject, message));
        failed++;
        return this;
    }

    CheckResultBuilder warn(String subject, String message) {
        findings.add(new Finding(Severity.WARNING, check, subject, message));
        return this;
    }

    CheckResult build() {
        return new CheckResult(check, description, passed, failed, findings);
    }
}
