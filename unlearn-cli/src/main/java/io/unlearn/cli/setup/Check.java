package io.unlearn.cli.setup;

import java.util.Optional;

/**
 * One prerequisite as found on this machine: its name, whether it is there, what was found, how to fix it, and
 * optionally an action that installs it (run only where the launcher may: as root with apt-get).
 *
 * @param name short name, e.g. {@code dataset}
 * @param status ok, missing or warn
 * @param detail what was found (or not), e.g. {@code /usr/share/datasets/fashion-mnist (4 IDX files)}
 * @param fix the exact command or step that mends it; empty when ok
 * @param required whether a missing one stops the command ({@code doctor} exits 1); a warning never does
 * @param install what the launcher can do itself, if anything
 */
public record Check(String name, Status status, String detail, String fix, boolean required, Optional<Install> install) {

    /** How a check came out. */
    public enum Status { OK, MISSING, WARN }

    /** An action that installs a missing prerequisite; {@code what} reads as "installing {what}". */
    public interface Install {
        String what();

        /** Installs it, printing one line per step; throws {@link SetupException} when it fails. */
        void run(Apt apt);
    }

    public static Check ok(String name, String detail) {
        return new Check(name, Status.OK, detail, "", true, Optional.empty());
    }

    public static Check missing(String name, String detail, String fix) {
        return new Check(name, Status.MISSING, detail, fix, true, Optional.empty());
    }

    public static Check warn(String name, String detail, String fix) {
        return new Check(name, Status.WARN, detail, fix, false, Optional.empty());
    }

    public Check withInstall(Install action) {
        return new Check(name, status, detail, fix, required, Optional.of(action));
    }

    public boolean isOk() {
        return status == Status.OK;
    }

    /** Whether this check fails the command: required and not ok. */
    public boolean fails() {
        return required && status != Status.OK;
    }

    /** {@code ok       dataset         /usr/share/... (4 IDX files)}, with {@code  -> fix: ...} when there is one. */
    public String line() {
        String text = String.format("%-8s %-17s %s", status.name().toLowerCase(java.util.Locale.ROOT), name, detail);
        return fix.isEmpty() ? text : text + "  -> fix: " + fix;
    }
}
