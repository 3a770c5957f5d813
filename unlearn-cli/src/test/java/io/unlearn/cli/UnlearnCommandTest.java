package io.unlearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
}
