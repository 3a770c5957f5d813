package io.unlearn.cli;

import picocli.CommandLine.Command;

/** {@code unlearn audit}: the auditor's commands. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Verify the event log: what was forgotten, when, how and how well.",
        subcommands = {ReplayCommand.class})
public final class AuditCommand {
}
