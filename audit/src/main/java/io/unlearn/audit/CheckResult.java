package io.unlearn.audit;

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
}
