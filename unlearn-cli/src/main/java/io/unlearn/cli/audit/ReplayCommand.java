package io.unlearn.cli.audit;

import io.unlearn.cli.CliException;
import io.unlearn.cli.ClusterOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code unlearn audit replay}: reads every audited topic from the beginning (committed records only, no
 * consumer group, so it works against any cluster and changes nothing), runs {@link Audit#allChecks} and
 * prints the summary; exit 0 when everything verified, 1 when any check failed, 2 on a usage error.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replays the event log from the beginning and verifies request lifecycles, deadlines, the lineage hash chain,"
                + " artifact hashes, exactly-once application, evaluation reports and excluded-sample digests.",
                "Exit code 0 when everything verifies, 1 when any check fails, 2 on a usage error."})
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--model", paramLabel = "PREFIX", description = "Audit only models whose id starts with PREFIX.")
    String modelPrefix;

    @Option(names = "--models", split = ",", paramLabel = "ID", description = "Audit only these models (comma-separated ids).")
    List<String> models;

    @Option(names = "--report-grace", paramLabel = "DURATION", description = "How long after its publication a version may lack an"
            + " evaluation report before that is a failure, counted back from the newest record read (ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration reportGrace = ReportCheck.DEFAULT_GRACE;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the result as JSON.")
    Path jsonFile;

    @Option(names = "--html", paramLabel = "FILE.html", description = "Also write the result as a self-contained HTML page.")
    Path htmlFile;

    @Override
    public Integer call() throws IOException {
        Predicate<String> selected = selection();
        AuditLog log = AuditLogReader.read(cluster.clientProps(), cluster.registry()).forModels(selected);
        AuditResult result = Audit.allChecks(reportGrace).run(log);
        PrintWriter out = spec.commandLine().getOut();
        out.print(TextReport.render(result));
        if (jsonFile != null) {
            JsonReport.write(result, jsonFile);
            out.println("\nwrote " + jsonFile);
        }
        if (htmlFile != null) {
            HtmlReport.write(result, htmlFile);
            out.println((jsonFile == null ? "\n" : "") + "wrote " + htmlFile);
        }
        out.flush();
        if (!result.verified()) {
            throw new CliException(TextReport.verdictLine(result));
        }
        out.println("\n" + TextReport.verdictLine(result));
        out.flush();
        return 0;
    }

    private Predicate<String> selection() {
        if (reportGrace.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--report-grace " + reportGrace + " must not be negative");
        }
        if (modelPrefix != null && models != null) {
            throw new ParameterException(spec.commandLine(), "--model PREFIX and --models IDS exclude each other; pass one of them");
        }
        if (modelPrefix != null) {
            return id -> id.startsWith(modelPrefix);
        }
        if (models != null) {
            Set<String> ids = Set.copyOf(models);
            return ids::contains;
        }
        return id -> true;
    }
}
