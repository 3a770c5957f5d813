package io.unlearn.bench.harness;

import picocli.CommandLine.Option;

/**
 * The request workload of a benchmark that drives the worker (a picocli mixin): how many deletion requests, the base
 * model's epochs and the worker's unlearning method. Each benchmark gives its own defaults.
 */
public final class WorkloadOptions {
    @Option(names = "--requests", paramLabel = "N", description = "Deletion requests (default: ${DEFAULT-VALUE}).")
    private int requests;

    @Option(names = "--base-epochs", paramLabel = "N", description = "Epochs of the base CNN (default: ${DEFAULT-VALUE}).")
    private int baseEpochs;

    @Option(names = "--method", description = "The worker's unlearning method (default: ${DEFAULT-VALUE}).")
    private String method;

    /** For picocli. */
    public WorkloadOptions() {
        this(10, 3, "rl");
    }

    public WorkloadOptions(int requests, int baseEpochs, String method) {
        this.requests = requests;
        this.baseEpochs = baseEpochs;
        this.method = method;
    }

    public int requests() {
        return requests;
    }

    public int baseEpochs() {
        return baseEpochs;
    }

    public String method() {
        return method;
    }

    /** The smaller workload of a {@code --quick} run. */
    public void quick(int quickRequests, int quickBaseEpochs) {
        requests = quickRequests;
        baseEpochs = quickBaseEpochs;
    }
}
