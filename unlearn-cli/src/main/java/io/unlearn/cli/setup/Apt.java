package io.unlearn.cli.setup;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Debian packages, as {@code .ci/run} installs them: {@code apt-get install -y} first without an update, and only when
 * that fails {@code apt-get update} and once more. Each step is one console line; apt's own output goes to
 * {@link Host#setupLog()}.
 */
public final class Apt {
    private static final Map<String, String> NONINTERACTIVE = Map.of("DEBIAN_FRONTEND", "noninteractive");
    private final Host host;
    private final PrintStream out;

    public Apt(Host host, PrintStream out) {
        this.host = host;
        this.out = out;
    }

    /** The first of {@code packages} that apt can install here (a candidate in {@code apt-cache policy}), if any. */
    public Optional<String> firstAvailable(List<String> packages) {
        if (!host.has("apt-cache")) {
            return Optional.empty();
        }
        for (String pkg : packages) {
            Optional<String> policy = host.commands().output(List.of("apt-cache", "policy", pkg), Duration.ofSeconds(20));
            if (policy.isPresent() && policy.get().contains("Candidate:") && !policy.get().contains("Candidate: (none)")) {
                return Optional.of(pkg);
            }
        }
        return Optional.empty();
    }

    /** Installs {@code pkg}, or throws {@link SetupException} naming the command and the log. */
    public void install(String pkg) {
        List<String> install = List.of("apt-get", "install", "-y", pkg);
        out.println("unlearn: installing " + pkg + " with apt-get (output in " + host.setupLog() + ") ...");
        if (host.commands().run(install, NONINTERACTIVE, host.setupLog()) == 0) {
            return;
        }
        out.println("unlearn: apt-get install failed; running apt-get update and retrying ...");
        if (host.commands().run(List.of("apt-get", "update"), NONINTERACTIVE, host.setupLog()) != 0
                || host.commands().run(install, NONINTERACTIVE, host.setupLog()) != 0) {
            throw new SetupException("`apt-get install -y " + pkg + "` failed; see " + host.setupLog()
                    + ", then run it by hand");
        }
    }
}
