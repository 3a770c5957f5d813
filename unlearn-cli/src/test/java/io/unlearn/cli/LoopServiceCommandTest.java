package io.unlearn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code unlearn worker|evaluator --metrics-port P}: the port is bound before the service (and its consumer) starts,
 * so a port held by another process ends the command with one line and the service never joins its group.
 */
class LoopServiceCommandTest {
    private static final String[] NO_CLUSTER = {"--bootstrap-servers", "127.0.0.1:1", "--registry-url", "http://127.0.0.1:1"};

    /** A loop service whose start only records what it found. */
    @Command(name = "fake")
    static final class FakeService extends LoopServiceCommand {
        boolean started;
        boolean portBoundAtStart;

        @Override
        Started start(Map<String, Object> props, PrometheusMeterRegistry meters) {
            started = true;
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), metrics.metricsPort)) {
                portBoundAtStart = s.isConnected();
            } catch (java.io.IOException e) {
                portBoundAtStart = false;
            }
            throw new CliException("fake service: not started on purpose");
        }
    }

    @Test
    void aMetricsPortHeldByAnotherProcessEndsTheCommandBeforeTheServiceStarts() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            FakeService fake = new FakeService();
            StringWriter err = new StringWriter();
            int code = commandLine(fake, err).execute(args(held.getLocalPort()));
            assertThat(code).isEqualTo(1);
            assertThat(fake.started).as("the service (and its consumer) never started").isFalse();
            assertThat(err.toString().trim()).startsWith("unlearn fake: cannot serve metrics on 127.0.0.1:" + held.getLocalPort())
                    .contains("--metrics-port").doesNotContain("\n");
        }
    }

    @Test
    void aFreeMetricsPortIsAlreadyServedWhenTheServiceStarts() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        FakeService fake = new FakeService();
        int code = commandLine(fake, new StringWriter()).execute(args(free));
        assertThat(code).isEqualTo(1);
        assertThat(fake.started).isTrue();
        assertThat(fake.portBoundAtStart).as("bound before start").isTrue();
        try (ServerSocket again = new ServerSocket(free, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("released when the start failed").isEqualTo(free);
        }
    }

    @Test
    void theWorkerAndTheEvaluatorCheckTheirPortFirst() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            for (String service : new String[] {"worker", "evaluator"}) {
                StringWriter err = new StringWriter();
                CommandLine cli = UnlearnCommand.commandLine();
                cli.setErr(new PrintWriter(err));
                int code = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> cli.execute(concat(service, args(held.getLocalPort()))));
                assertThat(code).as(service).isEqualTo(1);
                assertThat(err.toString().trim()).as(service).startsWith("unlearn " + service + ": cannot serve metrics on 127.0.0.1:"
                        + held.getLocalPort()).doesNotContain("\n");
            }
        }
    }

    private static CommandLine commandLine(FakeService fake, StringWriter err) {
        CommandLine cli = new CommandLine(fake);
        cli.setExecutionExceptionHandler(new OneLineErrors());
        cli.setErr(new PrintWriter(err));
        return cli;
    }

    private static String[] args(int metricsPort) {
        return concat("--metrics-port", concat(Integer.toString(metricsPort), NO_CLUSTER));
    }

    private static String[] concat(String first, String... rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
