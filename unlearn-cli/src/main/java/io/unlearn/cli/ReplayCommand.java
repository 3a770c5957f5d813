package io.unlearn.cli;

import io.unlearn.audit.Audit;
import io.unlearn.audit.AuditOptions;
import io.unlearn.audit.AuditResult;
import io.unlearn.audit.AuditSigners;
import io.unlearn.schemas.TrustedKeys;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code unlearn audit replay}: {@link Audit#replay} on the cluster the options name (every audited topic from the
 * beginning, committed records only, no consumer group, so it works against any cluster and changes nothing), then
 * the summary; exit 0 when everything verified, 1 when any check failed, 2 on a usage error.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replays the event log from the beginning and verifies request lifecycles, deadlines, the lineage hash chain,"
                + " who signed each version and report, artifact hashes, exactly-once application, evaluation reports and"
                + " excluded-sample digests.",
                "Exit code 0 when everything verifies, 1 when any check fails, 2 on a usage error."})
public final class ReplayCommand extends ClusterCommand {
    /** Where a worker started by the launcher with the default artifact.dir keeps its generated public key. */
    static final java.nio.file.Path LOCAL_WORKER_KEY = java.nio.file.Path.of(".unlearn/artifacts/signing/worker.pub");
    /** Where an evaluator started by the launcher with the default data.dir keeps its generated public key. */
    static final java.nio.file.Path LOCAL_EVALUATOR_KEY = java.nio.file.Path.of(".unlearn/evaluator/signing/evaluator.pub");
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "PREFIX", description = "Audit only models whose id starts with PREFIX.")
    String modelPrefix;

    @Option(names = "--models", split = ",", paramLabel = "ID", description = "Audit only these models (comma-separated ids).")
    List<String> models;

    @Option(names = "--report-grace", paramLabel = "DURATION", description = "How long after its publication a version may lack an"
            + " evaluation report before that is a failure, counted back from the newest record read (ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration reportGrace = AuditOptions.DEFAULT_REPORT_GRACE;

    @Option(names = "--worker-keys", paramLabel = "PATH", description = "Public key file or directory (*.pem, *.pub) of the"
            + " workers: every version must be signed by one of them. Default: the local worker's generated key"
            + " .unlearn/artifacts/signing/worker.pub when it exists.")
    List<java.nio.file.Path> workerKeys;

    @Option(names = "--evaluator-keys", paramLabel = "PATH", description = "Public key file or directory of the evaluators: every"
            + " report must be signed by one of them. Default: .unlearn/evaluator/signing/evaluator.pub when it exists.")
    List<java.nio.file.Path> evaluatorKeys;

    @Mixin
    AuditOutput output;

    @Override
    public Integer call() {
        AuditResult result = Audit.replay(options());
        PrintWriter out = spec.commandLine().getOut();
        output.print(result, out);
        if (!result.verified()) {
            throw new CliException(result.verdictLine());
        }
        out.println("\n" + result.verdictLine());
        out.flush();
        return 0;
    }

    private AuditOptions options() {
        if (reportGrace.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--report-grace " + reportGrace + " must not be negative");
        }
        if (modelPrefix != null && models != null) {
            throw new ParameterException(spec.commandLine(), "--model PREFIX and --models IDS exclude each other; pass one of them");
        }
        return AuditOptions.custom().setClientProps(cluster.clientProps()).setRegistry(cluster.registry())
                .optModelPrefix(modelPrefix).optModels(models).optReportGrace(reportGrace)
                .optSigners(new AuditSigners(keys("--worker-keys", workerKeys, LOCAL_WORKER_KEY),
                        keys("--evaluator-keys", evaluatorKeys, LOCAL_EVALUATOR_KEY))).build();
    }

    /** The keys given, else the local service's generated public key when it exists (said on stderr), else none. */
    private static TrustedKeys keys(String option, List<java.nio.file.Path> given, java.nio.file.Path local) {
        try {
            if (given != null && !given.isEmpty()) {
                return TrustedKeys.load(given);
            }
            if (java.nio.file.Files.isRegularFile(local)) {
                System.err.println("audit: " + option + " not given; trusting the local key " + local);
                return TrustedKeys.load(List.of(local));
            }
            return TrustedKeys.none();
        } catch (io.unlearn.schemas.ContractException e) {
            throw new CliException(option + ": " + e.getMessage());
        }
    }
}
