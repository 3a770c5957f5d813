package io.unlearn.cli;

import io.unlearn.cli.setup.Check;
import io.unlearn.cli.setup.ClusterProbe;
import io.unlearn.cli.setup.DoctorReport;
import io.unlearn.cli.setup.Host;
import io.unlearn.cli.setup.MachineChecks;
import io.unlearn.cli.setup.PortCheck;
import io.unlearn.cli.setup.Prerequisites;
import io.unlearn.ml.data.FashionMnist;
import io.unlearn.stack.LocalStackAddresses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code unlearn doctor}: every prerequisite and, when one is configured or running, the cluster; one line each. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks this machine for what the demo, the local stack and the services need: Java, the registry's "
                + "Java >= 21 and the Apicurio app, Fashion-MNIST, loopback ports, disk space, Docker (optional) and, when "
                + "--bootstrap-servers/--registry-url are given or a local stack runs, whether the cluster answers.",
                "Prints one line per check (ok, missing or warn, what was found, the fix); exit 0 when every required "
                        + "check is ok, 1 otherwise. Installs nothing: `./unlearn demo` and `./unlearn stack up` do that."})
final class DoctorCommand implements Callable<Integer> {
    @Option(names = "--dataset-dir", description = "Directory of the Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
    Path datasetDir = FashionMnist.DEFAULT_DIR;

    @Option(names = "--timeout", description = "How long the cluster may take to answer (default: ${DEFAULT-VALUE}).")
    Duration timeout = Duration.ofSeconds(5);

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Override
    public Integer call() {
        Host host = Host.current();
        Prerequisites prerequisites = new Prerequisites(host, System.out);
        MachineChecks machine = new MachineChecks(host);
        List<Check> checks = new ArrayList<>(List.of(MachineChecks.runningJava(Runtime.version(), host.runningJavaHome()),
                prerequisites.registryJava(), machine.registryRuntime(), prerequisites.apicurioApp(),
                prerequisites.dataset(datasetDir)));
        List<Check> clusterChecks = clusterChecks(new ClusterProbe(timeout));
        boolean stackAnswers = clusterChecks.stream().allMatch(Check::isOk);
        checks.add(PortCheck.check(cluster.stackDir, stackAnswers, PortCheck::canBind));
        checks.add(machine.disk());
        checks.add(machine.docker());
        checks.addAll(clusterChecks);
        DoctorReport report = new DoctorReport(checks);
        System.out.print(report.text());
        System.out.flush();
        return report.exitCode();
    }

    /** The given cluster (required to answer), else a running local stack, else one informational line. */
    private List<Check> clusterChecks(ClusterProbe probe) {
        boolean given = cluster.bootstrapServers != null || cluster.registryUrl != null || cluster.clientConfig != null;
        Optional<LocalStackAddresses> stack = LocalStackAddresses.read(cluster.stackDir);
        if (!given && stack.isEmpty()) {
            return List.of(Check.warn("cluster", "none given and no local stack under " + cluster.stackDir + " (the demo starts its own)",
                    "to check one: `./unlearn stack up`, or pass --bootstrap-servers and --registry-url"));
        }
        if (!given && PortCheck.canBind(port(stack.get().bootstrapServers()))) {
            return List.of(Check.warn("cluster", "the local stack under " + cluster.stackDir + " is not running",
                    "start it with `./unlearn stack up`"));
        }
        try {
            return List.of(probe.kafka(cluster.clientProps()), probe.registry(cluster.registryUrlOrStack()));
        } catch (CliException e) {
            return List.of(Check.missing("cluster", e.getMessage(), "pass both --bootstrap-servers and --registry-url"));
        }
    }

    private static int port(String hostAndPort) {
        return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
    }
}
