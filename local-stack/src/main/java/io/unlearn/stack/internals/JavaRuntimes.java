package io.unlearn.stack.internals;

import io.unlearn.stack.StackException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a Java runtime of at least a given feature version on this machine. The Apicurio registry is
 * compiled for Java 21 while the project runs on 17, so the registry child process needs its own JVM.
 * Looks at, in order: {@code UNLEARN_REGISTRY_JAVA} (an executable), {@code JAVA_HOME}, the running JVM,
 * and every JDK under {@code /usr/lib/jvm}; reads each one's {@code release} file.
 */
public final class JavaRuntimes {
    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private JavaRuntimes() {
    }

    /** The java executable of the first runtime found with feature version >= {@code minimum}. */
    public static Path find(int minimum) {
        List<String> seen = new ArrayList<>();
        String explicit = System.getenv("UNLEARN_REGISTRY_JAVA");
        if (explicit != null && !explicit.isBlank()) {
            Path exe = Path.of(explicit);
            if (!Files.isExecutable(exe)) {
                throw new StackException("UNLEARN_REGISTRY_JAVA=" + explicit + " is not an executable: point it at <jdk>/bin/java");
            }
            return exe;
        }
        List<Path> homes = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(homes::add);
        homes.add(Path.of(System.getProperty("java.home")));
        homes.addAll(listDir(Path.of("/usr/lib/jvm")));
        for (Path home : homes) {
            OptionalInt version = featureVersion(home);
            Path exe = home.resolve("bin/java");
            if (version.isPresent()) {
                seen.add(home + " (" + version.getAsInt() + ")");
                if (version.getAsInt() >= minimum && Files.isExecutable(exe)) {
                    return exe;
                }
            }
        }
        throw new StackException("No Java >= " + minimum + " runtime found for the schema registry (seen: "
                + (seen.isEmpty() ? "none" : String.join(", ", seen)) + "); install one (e.g. apt-get install "
                + "openjdk-21-jdk-headless or a Temurin 21+) or set UNLEARN_REGISTRY_JAVA to its bin/java");
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
