package io.unlearn.cli;

import io.unlearn.cli.setup.Host;
import io.unlearn.cli.setup.Prerequisites;
import io.unlearn.demo.DemoOptions;
import io.unlearn.demo.DemoRun;
import io.unlearn.ml.data.FashionMnist;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unlearn demo}: the whole system on the embedded default, end to end, with a summary and an HTML report. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the whole system in one JVM on the embedded default (Kafka KRaft + Apicurio, request-ingest, "
                + "unlearn-worker, evaluator; Fashion-MNIST): base model, catalogue, a stream of deletion and concept-removal "
                + "requests (some duplicated, some invalid), until every request is final; then a summary and an HTML report.",
                "First checks its prerequisites (Fashion-MNIST, a Java >= 21 for the registry, the Apicurio app) and, as root "
                        + "with apt-get, installs what is missing; `unlearn doctor` lists them.",
                "Ctrl-C stops it cleanly; each run starts a fresh cluster and reuses the trained base model."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "fmnist-cnn", description = "Model id (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--dir", defaultValue = ".unlearn/demo", description = "Working directory (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--report-dir", description = "Where the HTML report goes (default: <dir>/report).")
    Path reportDir;

    @Option(names = "--train-samples", defaultValue = "10000", description = "First N Fashion-MNIST training samples used (default ${DEFAULT-VALUE}).")
    int trainSamples;

    @Option(names = "--deletions", defaultValue = "30", description = "Distinct valid deletion requests (default ${DEFAULT-VALUE}).")
    int deletions;

    @Option(names = "--method", defaultValue = "rl", description = "The worker's unlearning method (default ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--base-epochs", defaultValue = "45", description = "Epochs of the base CNN (default ${DEFAULT-VALUE}: the fewest after which it measurably remembers a 240-sample forget set; docs/ARCHITECTURE.md).")
    int baseEpochs;

    @Option(names = "--weak-first-batch", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Unlearn the first batch with a deliberately weak method (ft at lr 1e-6 for 1 epoch), so that the run shows "
                    + "the forgetting gate REJECTING a version and the worker escalating on its own: it re-applies the batch with "
                    + "--method (then eu-k, retrain) on the base as a version that supersedes the rejected one, and goes on with it "
                    + "(default ${DEFAULT-VALUE}; --no-weak-first-batch: every batch by --method).")
    boolean weakFirstBatch;

    @Option(names = "--rate", defaultValue = "2", description = "Requests published per second (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--timeout", defaultValue = "PT12M", description = "Wait at most this long for every request to be final (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--challenge-wait", defaultValue = "PT3M", description = "Then wait at most this long for worst-case challenges (default ${DEFAULT-VALUE}).")
    Duration challengeWait;

    @Option(names = "--dataset-dir", description = "Directory of the Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}, "
            + "from Debian's dataset-fashion-mnist package, which the demo installs when run as root).")
    Path datasetDir = FashionMnist.DEFAULT_DIR;

    @Option(names = "--seed", defaultValue = "1", description = "Which subjects and samples the requests name (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws InterruptedException {
        if (trainSamples < 1000 || deletions < 1 || rate <= 0) {
            throw new CliException("--train-samples must be at least 1000, --deletions at least 1 and --rate positive");
        }
        // Every component logs into this file; the console shows only the demo's progress and summary.
        System.out.println("log: " + LogFile.redirectTo(dir.resolve("logs/demo.log")));
        Prerequisites prerequisites = new Prerequisites(Host.current(), System.out);
        prerequisites.ensure(List.of(() -> prerequisites.dataset(datasetDir), prerequisites::registryJava, prerequisites::apicurioApp));
        DemoOptions o = new DemoOptions(model, dir, reportDir != null ? reportDir : dir.resolve("report"), trainSamples, deletions, method,
                baseEpochs, rate, timeout, challengeWait, seed, false, datasetDir, weakFirstBatch);
        DemoRun run = new DemoRun(o, System.out);
        Thread hook = new Thread(() -> {
            System.out.println("\nunlearn demo: stopping (Ctrl-C) ...");
            run.close();
        }, "unlearn-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            DemoRun.DemoOutcome outcome = run.run();
            if (!outcome.everyRequestSettled()) {
                throw new CliException("not every request settled (final, or awaiting evidence no later version brings): a service "
                        + "stopped for good (see the lines above the summary) or --timeout " + timeout + " passed; see the summary "
                        + "above and the report, or rerun with a longer --timeout");
            }
            if (!outcome.auditVerified()) {
                throw new CliException("the audit replay of the demo's log found failures; see its output above and "
                        + o.reportDir().resolve("audit.html"));
            }
            System.out.printf("demo finished in %.0f s%s%n", outcome.seconds(), outcome.awaitingEvidence() == 0 ? ""
                    : " (" + outcome.awaitingEvidence() + " request(s) await evidence: their versions' forget sets were too small to decide, "
                    + "and no later version came in this run)");
            return 0;
        } finally {
            run.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting (Ctrl-C): the hook does the closing
            }
        }
    }
}
