package io.unlearn.cli.setup;

import io.unlearn.stack.RegistryRuntime;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The machine the checks look at: its environment, whether we run as root, where the working directory, the running
 * JVM and the installed JDKs are, and how programs are run. {@link #current()} is this machine; tests build one over
 * temporary directories and a scripted {@link Commands}, so no test runs apt or needs root.
 *
 * @param env environment variables ({@code PATH}, {@code JAVA_HOME}, {@code UNLEARN_REGISTRY_JAVA}, ...)
 * @param root whether this process runs as root (uid 0), hence may install packages
 * @param workDir the working directory (disk space, the apt log, {@code .unlearn})
 * @param runningJavaHome the home of the JVM running the launcher
 * @param jvmDir where installed JDKs live, normally {@code /usr/lib/jvm}
 * @param commands how programs are run
 */
public record Host(Map<String, String> env, boolean root, Path workDir, Path runningJavaHome, Path jvmDir, Commands commands) {

    public static Host current() {
        return new Host(System.getenv(), uid() == 0, Path.of("").toAbsolutePath(), Path.of(System.getProperty("java.home")),
                RegistryRuntime.JVM_DIR, Commands.system());
    }

    /** Whether {@code program} is an executable on the {@code PATH}. */
    public boolean has(String program) {
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the launcher may install packages itself: as root, with apt-get. */
    public boolean mayInstall() {
        return root && has("apt-get");
    }

    /** {@code command} as this user must type it: prefixed with {@code sudo} unless root. */
    public String asRoot(String command) {
        return root ? command : "sudo " + command;
    }

    /** Where apt's output goes, so that the console keeps one line per step. */
    public Path setupLog() {
        return workDir.resolve(".unlearn/setup.log");
    }

    private static int uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : -1;
        }
    }
}
