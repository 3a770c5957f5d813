package io.unlearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class UnlearnCommandTest {
    @Test
    void aBadSettingEndsWithOneClearLineAndANonZeroExit() {
        CommandLine cli = UnlearnCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("stack", "up", "--broker-port", "70000", "--startup-timeout", "PT0S");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().trim())
                .startsWith("unlearn up: Invalid local stack settings:")
                .contains("brokerPort 70000").contains("startupTimeout PT0S")
                .doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CommandLine cli = UnlearnCommand.commandLine();
        cli.setErr(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("stack", "up", "--no-such-option")).isEqualTo(2);
    }

    @Test
    void everyCommandsHelpRendersWithoutPicocliWarnings() {
        // picocli formats descriptions with String.format: a bare '%' ("about 2% extra") prints a WARN line per help render
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int rendered;
        try {
            rendered = renderAll(UnlearnCommand.commandLine());
        } finally {
            System.setErr(original);
        }
        assertThat(rendered).isGreaterThan(10);
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    private static int renderAll(CommandLine cli) {
        assertThat(cli.getUsageMessage()).isNotBlank();
        int n = 1;
        for (CommandLine sub : cli.getSubcommands().values()) {
            n += renderAll(sub);
        }
        return n;
    }

    @Test
    void streamingBenchmarksLogToAFileAndEverythingElseToTheConsole() {
        assertThat(BenchLogs.logFile(UnlearnCommand.commandLine().parseArgs("bench", "scale", "--quick")))
                .isEqualTo(java.nio.file.Path.of("bench-out", "logs", "bench-scale.log"));
        assertThat(BenchLogs.logFile(UnlearnCommand.commandLine().parseArgs("bench", "ingest"))).hasFileName("bench-ingest.log");
        assertThat(BenchLogs.logFile(UnlearnCommand.commandLine().parseArgs("bench", "scale", "--help"))).isNull();
        assertThat(BenchLogs.logFile(UnlearnCommand.commandLine().parseArgs("bench", "concepts", "--quick"))).isNull();
        assertThat(BenchLogs.logFile(UnlearnCommand.commandLine().parseArgs("stack", "up"))).isNull();
    }
}
