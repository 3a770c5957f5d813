package io.unlearn.cli.setup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A simulated machine over a temporary directory: a PATH with (never executed) apt-get and apt-cache, a JDK directory,
 * the Debian dataset directory, and scripted programs. Records every command; nothing real is installed or run.
 */
final class FakeMachine implements Commands {
    final Path root;
    final Path bin;
    final Path jvmDir;
    final Path debianDataset;
    final Path runningJava;
    final Map<String, String> env = new HashMap<>();
    final List<String> ran = new ArrayList<>();
    final Map<String, List<Supplier<Integer>>> scripts = new HashMap<>();
    final Map<String, String> outputs = new HashMap<>();
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    boolean asRoot = true;

    FakeMachine(Path root) throws IOException {
        this.root = root;
        this.bin = Files.createDirectories(root.resolve("bin"));
        this.jvmDir = Files.createDirectories(root.resolve("jvm"));
        this.debianDataset = root.resolve("usr/share/datasets/fashion-mnist");
        this.runningJava = jdk(root.resolve("running-jdk"), 17);
        env.put("PATH", bin.toString());
        program("apt-get");
        program("apt-cache");
    }

    Host host() {
        return new Host(env, asRoot, root.resolve("work"), runningJava, jvmDir, this);
    }

    Prerequisites prerequisites() {
        return new Prerequisites(host(), new PrintStream(console, true, StandardCharsets.UTF_8), debianDataset);
    }

    String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    /** Puts an (empty, executable) program on the PATH. */
    Path program(String name) throws IOException {
        Path p = Files.writeString(bin.resolve(name), "#!/bin/sh\nexit 99\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    /** A JDK home with a release file of {@code version} and an executable bin/java. */
    static Path jdk(Path home, int version) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + ".0.1\"\n");
        Path java = Files.writeString(home.resolve("bin/java"), "");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    /** Puts the four IDX files (gzipped names) into {@code dir}. */
    static void dataset(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String f : io.unlearn.ml.data.IdxDatasets.FILES) {
                Files.writeString(dir.resolve(f + ".gz"), "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next runs of {@code command} return these results, in order (then 0). */
    @SafeVarargs
    final void script(String command, Supplier<Integer>... results) {
        scripts.computeIfAbsent(command, k -> new ArrayList<>()).addAll(List.of(results));
    }

    @Override
    public int run(List<String> command, Map<String, String> extraEnv, Path log) {
        String line = String.join(" ", command);
        ran.add(line);
        List<Supplier<Integer>> next = scripts.getOrDefault(line, new ArrayList<>());
        return next.isEmpty() ? 0 : next.remove(0).get();
    }

    @Override
    public Optional<String> output(List<String> command, Duration timeout) {
        String line = String.join(" ", command);
        ran.add(line);
        return Optional.ofNullable(outputs.get(line));
    }
}
