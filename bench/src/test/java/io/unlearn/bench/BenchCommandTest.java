package io.unlearn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every benchmark is a typed subcommand whose help says what it measures. */
class BenchCommandTest {

    @Test
    void everyBenchmarkIsASubcommandWithHelpAndNoWorkItemNumbers() {
        CommandLine bench = new CommandLine(new BenchCommand());
        assertThat(bench.getSubcommands().keySet()).containsExactly("methods", "concepts", "worstcase", "challenge", "gate", "training", "ingest",
                "pipeline", "evaluator", "scale");
        assertThat(bench.getUsageMessage()).doesNotContainPattern("(?i)issue\\s*\\d");
        bench.getSubcommands().forEach((name, sub) -> {
            String help = sub.getUsageMessage();
            assertThat(help).as(name).doesNotContainPattern("(?i)issue\\s*\\d").contains("--out", "--markdown");
            assertThat(sub.getCommandSpec().usageMessage().description()).as(name).isNotEmpty();
        });
        for (String engine : List.of("methods", "concepts", "worstcase", "challenge", "gate", "training")) {
            assertThat(bench.getSubcommands().get(engine).getUsageMessage()).contains("--quick", "--data", "--device",
                    "--cache");
        }
    }

    @Test
    void aBadOptionIsAPicocliError() {
        CommandLine bench = new CommandLine(new BenchCommand());
        bench.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
        assertThat(bench.execute("methods", "--seeds")).isEqualTo(2);
        assertThat(bench.execute("worstcase", "--nope")).isEqualTo(2);
    }
}
