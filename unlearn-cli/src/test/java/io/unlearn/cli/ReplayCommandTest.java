package io.unlearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReplayCommandTest {

    @Test
    void contradictoryModelSelectionsAreAUsageError() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "audit", "replay", "--model", "a", "--models", "b,c")).isEqualTo(2);
        assertThat(err.toString()).contains("--model PREFIX and --models IDS exclude each other");
    }

    @Test
    void aNegativeGraceIsAUsageError() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "audit", "replay", "--report-grace", "-PT1M")).isEqualTo(2);
        assertThat(err.toString()).contains("--report-grace PT-1M must not be negative");
        assertThat(run(new StringWriter(), "audit", "replay", "--report-grace", "ten minutes")).isEqualTo(2);
    }

    private static int run(StringWriter err, String... args) {
        CommandLine cli = UnlearnCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }
}
