package io.unlearn.demo;

import io.unlearn.audit.AuditResult;
import io.unlearn.audit.CheckResult;
import io.unlearn.audit.Finding;
import java.io.PrintStream;
import java.util.List;

/**
 * The demo's short form of an audit on the console: one row per check, then each failure and warning (the first
 * {@link #MAX_FINDINGS}), then the verdict. The full text, JSON and HTML are what {@code unlearn audit replay} prints
 * and what the demo writes next to its report.
 */
final class DemoAuditLines {
    static final int MAX_FINDINGS = 10;

    private DemoAuditLines() {
    }

    static void print(AuditResult audit, PrintStream out) {
        out.printf("  %-17s %8s %8s %8s %8s%n", "check", "subjects", "passed", "failed", "warnings");
        for (CheckResult c : audit.checks()) {
            out.printf("  %-17s %8d %8d %8d %8d%n", c.check(), c.passed() + c.failed(), c.passed(), c.failed(), c.warnings());
        }
        findings(audit.failures(), out);
        findings(audit.warnings(), out);
        out.println(audit.verdictLine());
    }

    private static void findings(List<Finding> findings, PrintStream out) {
        findings.stream().limit(MAX_FINDINGS).forEach(f -> out.println("  " + f.line()));
        if (findings.size() > MAX_FINDINGS) {
            out.println("  ... and " + (findings.size() - MAX_FINDINGS) + " more (see audit.html)");
        }
    }
}
