package io.unlearn.stack.internals;

import io.unlearn.stack.StackException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a Java runtime of at least a given feature version on this machine. The Apicurio registry is
 * compiled for Java 21 while the project runs on 17, so the registry child process needs its own JVM.
 * Looks at, in order: {@code UNLEARN_REGISTRY_JAVA} (an executable), {@code JAVA_HOME}, the running JVM,
 * and every JDK under {@code /usr/lib/jvm}; reads each one's {@code release} file. {@link #search} runs the same
 * search over given places (the launcher's prerequisite checks).
 */
public final class JavaRuntimes {
    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private JavaRuntimes() {
    }

    /** The java executable of the first runtime found with feature version >= {@code minimum}. */
    public static Path find(int minimum) {
        Search search = search(minimum, System.getenv(), Path.of(System.getProperty("java.home")), Path.of("/usr/lib/jvm"));
        return search.java().orElseThrow(() -> new StackException("No Java >= " + minimum
                + " runtime found for the schema registry (seen: " + search.seenOrNone() + "); install one (e.g. apt-get install "
                + "openjdk-21-jdk-headless or a Temurin 21+) or set UNLEARN_REGISTRY_JAVA to its bin/java"));
    }

    /**
     * The same search over given places, so that a check can run it on a simulated machine.
     *
     * @param env the environment ({@code UNLEARN_REGISTRY_JAVA}, {@code JAVA_HOME})
     * @param runningHome the running JVM's home
     * @param jvmDir the directory of installed JDKs, normally {@code /usr/lib/jvm}
     * @return the executable found, if any, and every runtime seen with its version
     */
    public static Search search(int minimum, Map<String, String> env, Path runningHome, Path jvmDir) {
        List<String> seen = new ArrayList<>();
        String explicit = env.get("UNLEARN_REGISTRY_JAVA");
        if (explicit != null && !explicit.isBlank()) {
            Path exe = Path.of(explicit);
            if (!Files.isExecutable(exe)) {
                throw new StackException("UNLEARN_REGISTRY_JAVA=" + explicit + " is not an executable: point it at <jdk>/bin/java");
            }
            return new Search(Optional.of(exe), List.of(explicit + " (UNLEARN_REGISTRY_JAVA)"));
        }
        List<Path> homes = new ArrayList<>();
        Optional.ofNullable(env.get("JAVA_HOME")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(homes::add);
        homes.add(runningHome);
        homes.addAll(listDir(jvmDir));
        for (Path home : homes) {
            OptionalInt version = featureVersion(home);
            Path exe = home.resolve("bin/java");
            if (version.isPresent()) {
                seen.add(home + " (" + version.getAsInt() + ")");
                if (version.getAsInt() >= minimum && Files.isExecutable(exe)) {
                    return new Search(Optional.of(exe), seen);
                }
            }
        }
        return new Search(Optional.empty(), seen);
    }

    /** What {@link #search} found: the executable, if any, and each runtime seen as {@code home (version)}. */
    public record Search(Optional<Path> java, List<String> seen) {
        public String seenOrNone() {
            return seen.isEmpty() ? "none" : String.join(", ", seen);
        }
    }

    static OptionalInt featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return OptionalInt.empty();
        }
        try {
            Matcher m = VERSION.matcher(Files.readString(release));
            return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    private static List<Path> listDir(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(out::add);
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }
}
