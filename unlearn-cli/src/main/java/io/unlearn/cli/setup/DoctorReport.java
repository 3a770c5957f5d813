package io.unlearn.cli.setup;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code unlearn doctor} prints and how it exits: one line per check, then a verdict; exit 0 when every required
 * check is ok (warnings never fail), 1 otherwise.
 */
public record DoctorReport(List<Check> checks) {

    public DoctorReport {
        checks = List.copyOf(checks);
    }

    public boolean ok() {
        return checks.stream().noneMatch(Check::fails);
    }

    public int exitCode() {
        return ok() ? 0 : 1;
    }

    /** The lines, then {@code doctor: ready (N warnings)} or {@code doctor: N required checks failed: a, b}. */
    public String text() {
        StringBuilder out = new StringBuilder();
        checks.forEach(c -> out.append(c.line()).append('\n'));
        long warnings = checks.stream().filter(c -> c.status() != Check.Status.OK && !c.required()).count();
        List<String> failed = checks.stream().filter(Check::fails).map(Check::name).toList();
        String warned = warnings == 0 ? "" : " (" + warnings + (warnings == 1 ? " warning" : " warnings") + ")";
        out.append(failed.isEmpty() ? "doctor: ready: every required check is ok" + warned
                : "doctor: " + failed.size() + " required check" + (failed.size() == 1 ? "" : "s") + " failed: "
                        + failed.stream().collect(Collectors.joining(", ")) + warned);
        return out.append('\n').toString();
    }
}
