package io.unlearn.demo;

import io.unlearn.audit.Audit;
import io.unlearn.audit.AuditFiles;
import io.unlearn.audit.AuditOptions;
import io.unlearn.audit.AuditResult;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.schemas.EventContract;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackConfig;
import io.unlearn.worker.BaseModels;
import io.unlearn.worker.CatalogImporter;
import io.unlearn.worker.WorkerConfig;
import io.unlearn.worker.WorkerService;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One demo run: a fresh embedded cluster, the base model (trained once, then reused from the artifact store), the
 * catalogue, the three services, a realistic request stream (its first batch unlearned by a deliberately weak method
 * whose version the worker supersedes by escalating on its own, {@link DemoWeakBatch}), and the wait until every request is final or awaits evidence no later version brings; then the
 * summary and the HTML report. {@link #close} (also from Ctrl-C) stops everything it started.
 */
public final class DemoRun implements AutoCloseable {
    private final DemoOptions o;
    private final PrintStream out;
    private volatile LocalStack stack;
    private volatile DemoServices services;
    private volatile DemoTracker tracker;
    private volatile Thread runThread;
    private final DemoCluster external;
    private final DemoChaos chaos;
    private final boolean live;

    /**
     * A run on its own fresh embedded cluster. When {@code out} is this JVM's stdout and that is a terminal, the
     * progress is a status block redrawn in place; otherwise plain lines.
     */
    public DemoRun(DemoOptions options, PrintStream out) {
        this(options, out, null, DemoChaos.NONE, out == System.out && DemoProgressView.interactiveConsole());
    }

    /**
     * @param external a running cluster to use instead of a fresh embedded one (e.g. a test's), or null
     * @param chaos what to break while the requests are published (tests)
     */
    public DemoRun(DemoOptions options, PrintStream out, DemoCluster external, DemoChaos chaos) {
        this(options, out, external, chaos, false);
    }

    private DemoRun(DemoOptions options, PrintStream out, DemoCluster external, DemoChaos chaos, boolean live) {
        this.live = live;
        this.o = options;
        this.out = out;
        this.external = external;
        this.chaos = chaos;
    }

    /** @return the HTML report's path */
    public DemoOutcome run() throws InterruptedException {
        runThread = Thread.currentThread();
        long started = System.nanoTime();
        String runId = "demo-" + Long.toString(System.currentTimeMillis(), 36);
        deleteRecursively(o.dir().resolve("stack"));
        DemoCluster cluster = external;
        if (cluster == null) {
            step("starting the embedded cluster (Kafka KRaft + Apicurio registry) in " + o.dir().resolve("stack"));
            stack = LocalStack.start(LocalStackConfig.custom().optDataDir(o.dir().resolve("stack")).build());
            LocalStack embedded = stack;
            cluster = new DemoCluster(embedded.bootstrapServers(), embedded.registryUrl(), embedded::restartBroker);
        }
        SchemaRegistryClient registry = SchemaRegistryClient.create(cluster.registryUrl());
        Map<String, Object> client = Map.of("bootstrap.servers", cluster.bootstrapServers());
        EventContract.install(client, registry);
        Map<String, Object> common = new HashMap<>(client);
        common.put("schema.registry.url", cluster.registryUrl());
        common.put(WorkerConfig.ARTIFACT_DIR, o.dir().resolve("artifacts").toString());
        common.put(WorkerConfig.DATASET_DIR, o.datasetDir().toString());
        common.put(WorkerConfig.DATASET_LIMIT, Integer.toString(o.trainSamples()));
        common.put(WorkerConfig.SEED, "7");
        WorkerConfig workerConfig = WorkerConfig.of(DemoServices.workerProps(common, o));
        UnlearnDataset data = WorkerService.dataset(workerConfig);
        step("importing the catalogue: " + data.train().size() + " Fashion-MNIST training samples and their subjects");
        new CatalogImporter(client, registry, Clock.systemUTC()).importView(data.train(), n -> out.println("  " + n + " samples"));
        step("base model " + o.modelId() + " (CNN, " + o.baseEpochs() + " epochs; trained once, then reused from " + o.dir().resolve("artifacts") + ")");
        var v1 = BaseModels.reuseOrTrainAndPublish(workerConfig, o.modelId(), "cnn", o.baseEpochs(), e -> {
            if (e.step() == 1 || e.step() % 10 == 0 || e.step() == e.totalSteps()) {
                out.println("  " + e);  // every tenth epoch: the console stays a page long
            }
        }, Clock.systemUTC());
        out.println("  published " + v1.getVersionId() + " (" + v1.getArtifactSha256().substring(0, 12) + ", "
                + (v1.getTrainingMillis() == 0 ? "reused" : "trained in " + v1.getTrainingMillis() / 1000 + " s") + ")");
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        step("starting request-ingest, unlearn-worker (method " + (o.weakFirstBatch() ? DemoWeakBatch.DESCRIPTION + ", weak on purpose; "
                + "escalation ladder " + String.join(" -> ", DemoWeakBatch.ladder(o.method())) : o.method()) + ") and the evaluator");
        services = DemoServices.start(common, o, token);
        services.ingest.httpPort().ifPresent(p -> out.println("  HTTP API: http://127.0.0.1:" + p + "/v1/requests/<id>  (Bearer " + token + ")"));
        tracker = new DemoTracker(client, registry, o.modelId());
        List<DemoRequests.Item> items = DemoRequests.build(o.modelId(), data.train(), o.deletions(), runId, o.seed());
        step("publishing " + items.size() + " requests at " + o.ratePerSecond() + "/s (deletions by subject and by samples, "
                + "re-sends, invalid ones, two concept removals)");
        DemoCluster running = cluster;
        DemoServices supervised = services;
        DemoProgress progress = new DemoProgress(tracker, items, services, () -> chaos.halfway(running, supervised, out),
                live ? DemoProgressView.live(out) : DemoProgressView.plain(out), started, o.weakFirstBatch() ? DemoWeakBatch.of(items) : null);
        boolean settled = progress.publishAndWait(client, registry, o);
        progress.awaitChallenges(o.challengeWait());
        // The services stop before the summary and the audit, so that both count exactly what was published: a version
        // or report under way is finished (or its transaction aborted) first, and nothing is published afterwards.
        step("stopping request-ingest, unlearn-worker and the evaluator (each finishes its current step)");
        int restarts = services.restarts();
        services.close();
        tracker.catchUp(Duration.ofSeconds(1));
        DemoFacts facts = new DemoFacts(tracker, items);
        Path html = DemoReport.write(facts, o, (System.nanoTime() - started) / 1e9);
        DemoSummary.print(facts, out);
        out.println();
        step("audit replay of the whole log, as an auditor runs it (./unlearn audit replay)");
        AuditResult audit = Audit.replay(AuditOptions.custom().setClientProps(client).setRegistry(registry)
                .optModels(List.of(o.modelId())).optSigners(auditSigners(o.dir())).build());
        AuditFiles.writeAndRender(audit, o.reportDir().resolve("audit.json"), o.reportDir().resolve("audit.html"));
        DemoAuditLines.print(audit, out);
        DemoReportAudit.show(html, audit.verdictLine(), audit.verified());
        out.println();
        out.println("report: " + html.toAbsolutePath());
        out.println("audit:  " + o.reportDir().resolve("audit.html").toAbsolutePath() + (audit.verified() ? " (verified)" : " (FAILED)"));
        return new DemoOutcome(settled, audit.verified(), html, (System.nanoTime() - started) / 1e9, restarts, items.size(),
                facts.awaitingEvidence());
    }

    /**
     * The keys the demo's audit trusts: the public keys its worker and evaluator generated on their first start (no
     * signing.key.file is configured), {@code <dir>/artifacts/signing/worker.pub} and
     * {@code <dir>/evaluator/signing/evaluator.pub}, as an auditor of this cluster would be handed them.
     */
    public static io.unlearn.audit.AuditSigners auditSigners(Path dir) {
        return new io.unlearn.audit.AuditSigners(
                io.unlearn.schemas.TrustedKeys.load(List.of(dir.resolve("artifacts").resolve("signing").resolve("worker.pub"))),
                io.unlearn.schemas.TrustedKeys.load(List.of(dir.resolve("evaluator").resolve("signing").resolve("evaluator.pub"))));
    }

    /**
     * What the run achieved.
     *
     * @param everyRequestSettled every request reached a final state, or awaits evidence that no version still to come in
     *     this run could bring (its version was INCONCLUSIVE: too few forgotten samples to decide)
     * @param restarts services the supervisor had to start again
     * @param awaitingEvidence distinct requests left AWAITING_EVIDENCE at the end (pending, not failed)
     */
    public record DemoOutcome(boolean everyRequestSettled, boolean auditVerified, Path report, double seconds, int restarts, int published,
                              int awaitingEvidence) {
    }

    private void step(String what) {
        out.println("==> " + what);
        out.flush();
    }

    /** Stops what the run started; from another thread (Ctrl-C) the tracker's consumer is left to the JVM's exit. */
    @Override
    public void close() {
        DemoTracker t = tracker;
        if (t != null && Thread.currentThread() == runThread) {
            t.close();
        }
        DemoServices s = services;
        if (s != null) {
            s.close();
        }
        LocalStack st = stack;
        if (st != null) {
            st.close();
        }
        tracker = null;
        services = null;
        stack = null;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir + " (" + e.getMessage() + "); delete it by hand and rerun", e);
        }
    }
}
