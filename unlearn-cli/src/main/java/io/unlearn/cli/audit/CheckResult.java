package io.unlearn.cli.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * What one check concluded.
 *
 * @param check       the check's name
 * @param description what it verifies, in one line
 * @param passed      subjects (requests, versions, artifacts) that verified
 * @param failed      subjects with at least one failure
 * @param findings    failures and warnings, in the order found
 */
public record CheckResult(String check, String description, int passed, int failed, List<Finding> findings) {

    public CheckResult {
        findings = List.copyOf(findings);
    }

    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
    }

    /** Collects a check's findings subject by subject and counts passed and failed subjects. */
    static final class Builder {
        private final String check;
        private final String description;
        private final List<Finding> findings = new ArrayList<>();
        private int passed;
        private int failed;

        Builder(String check, String description) {
            this.check = check;
            this.description = description;
        }

        /** Records the verdict on one subject: failed when {@code failures} is not empty. */
        Builder subject(String subject, List<String> failures) {
            failures.forEach(m -> findings.add(Finding.failure(check, subject, m)));
            if (failures.isEmpty()) {
                passed++;
            } else {
                failed++;
            }
            return this;
        }

        Builder pass() {
            return pass(1);
        }

        Builder pass(int subjects) {
            passed += subjects;
            return this;
        }

        Builder fail(String subject, String message) {
            findings.add(Finding.failure(check, subject, message));
            failed++;
            return this;
        }

        Builder warn(String subject, String message) {
            findings.add(Finding.warning(check, subject, message));
            return this;
        }

        CheckResult build() {
            return new CheckResult(check, description, passed, failed, findings);
        }
    }
}
