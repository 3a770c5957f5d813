package io.unlearn.cli.setup;

import io.unlearn.stack.RegistryRuntime;
import io.unlearn.stack.StackException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The checks only {@code unlearn doctor} runs: the running JVM, the registry's runtime, disk space, Docker. */
public final class MachineChecks {
    /** Below this much free space under the working directory, doctor warns (models, artifacts, broker logs). */
    public static final long MIN_FREE_BYTES = 2L << 30;
    private final Host host;

    public MachineChecks(Host host) {
        this.host = host;
    }

    /** The JVM running the launcher: the project is built for Java 17. */
    public static Check runningJava(Runtime.Version version, Path home) {
        String detail = version + " running (" + home + ")";
        return version.feature() >= 17 ? Check.ok("java", detail)
                : Check.missing("java", detail, "run ./unlearn with a Java >= 17 (set JAVA_HOME or PATH)");
    }

    /** Whether the registry's Java starts at all ({@code java -version}), e.g. not a JDK for another architecture. */
    public Check registryRuntime() {
        Optional<Path> found;
        try {
            found = RegistryRuntime.findJava(host.env(), host.runningJavaHome(), host.jvmDir()).java();
        } catch (StackException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            return Check.missing("registry runtime", "no Java >= 21 to run the registry", "see registry java");
        }
        Path java = found.get();
        Optional<String> version = host.commands().output(List.of(java.toString(), "-version"), Duration.ofSeconds(20));
        return version.map(v -> Check.ok("registry runtime", java + " starts: " + v.lines().findFirst().orElse("").trim()))
                .orElseGet(() -> Check.missing("registry runtime", java + " -version fails",
                        "reinstall that JDK or set UNLEARN_REGISTRY_JAVA to another Java >= 21"));
    }

    /** Free space where the demo and the stack write; a warning under {@link #MIN_FREE_BYTES}. */
    public static Check disk(Path dir, long usableBytes) {
        String detail = String.format("%.1f GiB free under %s", usableBytes / (double) (1L << 30), dir);
        return usableBytes >= MIN_FREE_BYTES ? Check.ok("disk", detail)
                : Check.warn("disk", detail, "free at least 2 GiB (models, artifacts and broker logs go under .unlearn)");
    }

    public Check disk() {
        try {
            return disk(host.workDir(), Files.getFileStore(host.workDir()).getUsableSpace());
        } catch (IOException e) {
            return Check.warn("disk", "cannot read the free space of " + host.workDir() + ": " + e.getMessage(), "");
        }
    }

    /** Informational: the Docker client and docker-compose (the embedded stack needs neither; docker/ checks use compose). */
    public Check docker() {
        List<String> found = List.of("docker", "docker-compose").stream().filter(host::has).toList();
        return found.isEmpty()
                ? Check.warn("docker", "neither docker nor docker-compose on PATH (optional: the embedded stack needs no Docker)",
                        "only for docker/: `" + host.asRoot("apt-get install -y docker-compose") + "`")
                : Check.ok("docker", String.join(" and ", found) + " on PATH (optional: the embedded stack needs no Docker)");
    }
}
