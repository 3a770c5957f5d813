package io.unlearn.stack;

import io.unlearn.stack.internals.ApicurioRegistryProcess;
import io.unlearn.stack.internals.JavaRuntimes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the schema registry needs on this machine, looked up exactly as {@link LocalStack#start} looks it up, but
 * over given places and without failing: the launcher's prerequisite checks ({@code unlearn doctor}, and
 * {@code demo} / {@code stack up} before they start anything) report it, tests simulate a machine with it.
 */
public final class RegistryRuntime {
    /** The registry (Apicurio 3) is compiled for Java 21. */
    public static final int MIN_JAVA = ApicurioRegistryProcess.MIN_JAVA;
    /** Where installed JDKs live (Debian, Temurin packages). */
    public static final Path JVM_DIR = Path.of("/usr/lib/jvm");

    private RegistryRuntime() {
    }

    /**
     * A Java &gt;= {@value #MIN_JAVA}: {@code UNLEARN_REGISTRY_JAVA}, else {@code JAVA_HOME}, the running JVM, then each JDK
     * in {@code jvmDir}.
     *
     * @throws StackException when {@code UNLEARN_REGISTRY_JAVA} names no executable
     */
    public static JavaLookup findJava(Map<String, String> env, Path runningHome, Path jvmDir) {
        JavaRuntimes.Search search = JavaRuntimes.search(MIN_JAVA, env, runningHome, jvmDir);
        return new JavaLookup(search.java(), search.seen());
    }

    /** Where the Apicurio app is expected: {@code UNLEARN_APICURIO_HOME} in {@code env}, else this build's copy. */
    public static Path apicurioHome(Map<String, String> env) {
        return ApicurioRegistryProcess.expectedHome(env);
    }

    /** Whether {@code home} holds the unpacked Apicurio app. */
    public static boolean isApicurioApp(Path home) {
        return ApicurioRegistryProcess.isApp(home);
    }

    /** The registry's Java, if found, and every runtime seen on the way as {@code home (version)}. */
    public record JavaLookup(Optional<Path> java, List<String> seen) {
        public String seenOrNone() {
            return seen.isEmpty() ? "none" : String.join(", ", seen);
        }
    }
}
