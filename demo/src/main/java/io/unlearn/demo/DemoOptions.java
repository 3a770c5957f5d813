package io.unlearn.demo;

import io.unlearn.ml.data.FashionMnist;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of one demo run.
 *
 * @param dir working directory: the embedded cluster (fresh every run) and the artifact store (kept, so the base
 *     model is trained once)
 * @param reportDir where the HTML report and its JSON go
 * @param trainSamples Fashion-MNIST training samples used (the first N; the test split is sliced alongside)
 * @param deletions distinct valid deletion requests published
 * @param method the worker's unlearning method
 * @param baseEpochs epochs of the base CNN
 * @param ratePerSecond request publication rate
 * @param timeout how long to wait for every request to reach a terminal state
 * @param challengeWait how long to wait afterwards for pending worst-case challenge results
 * @param seed the run's seed (which subjects are deleted)
 * @param workerProcess run the worker as a child process (chaos tests kill it) instead of in this JVM
 * @param modelId the model the demo trains and unlearns from
 * @param datasetDir the Fashion-MNIST IDX files the worker and the evaluator read
 * @param weakFirstBatch unlearn the stream's first batch with a deliberately weak method ({@link DemoWeakBatch}), so that
 *     the run shows a REJECTED version superseded by the worker's own escalation to {@code method} (then eu-k, retrain)
 */
public record DemoOptions(String modelId, Path dir, Path reportDir, int trainSamples, int deletions, String method, int baseEpochs,
                          double ratePerSecond, Duration timeout, Duration challengeWait, long seed, boolean workerProcess,
                          Path datasetDir, boolean weakFirstBatch) {

    /** Settings on Fashion-MNIST where Debian's package puts it ({@link FashionMnist#DEFAULT_DIR}), every batch by {@code method}. */
    public DemoOptions(String modelId, Path dir, Path reportDir, int trainSamples, int deletions, String method, int baseEpochs,
                       double ratePerSecond, Duration timeout, Duration challengeWait, long seed, boolean workerProcess) {
        this(modelId, dir, reportDir, trainSamples, deletions, method, baseEpochs, ratePerSecond, timeout, challengeWait, seed,
                workerProcess, FashionMnist.DEFAULT_DIR, false);
    }
}
