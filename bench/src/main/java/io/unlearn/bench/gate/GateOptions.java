package io.unlearn.bench.gate;

import io.unlearn.bench.harness.BenchRuns;
import io.unlearn.bench.harness.EngineBenchCommand;
import io.unlearn.bench.harness.RetrainComparison;
import io.unlearn.ml.UnlearnException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The gate subcommand ({@code ./unlearn bench gate}): the settings of {@link GateBenchmark}, parsed by picocli (every
 * value has a default; {@link #check()} lists every problem at once), and its run.
 */
@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The evaluator's forgetting gate against the ground truth (Retrain on the same forget set).",
            "For a random 10%% forget set, a whole class and a subject-sized deletion (300-600 samples of one class),"
                    + " on a memorising and a weak base, per seed: runs Retrain, a nudged no-op, GA at lr 1e-6 and every"
                    + " approximate method, measures each one's Avg. Gap to Retrain and asks the gate for its verdict.",
            "--quick takes under 10 minutes on 2 cores; a full run on all 60,000 samples takes hours: --train-limit"
                    + " 10000 trains on the first 10,000 (as the demo does)."})
public final class GateOptions extends EngineBenchCommand {
    /** Default number of seeds of a full run. */
    public static final int DEFAULT_SEEDS = 3;
    /** Default number of seeds of a quick run. */
    public static final int QUICK_SEEDS = 1;

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds; the bases, the forget sets and the methods"
            + " follow the seed (default: " + DEFAULT_SEEDS + ", quick " + QUICK_SEEDS + ").")
    private Integer seeds;

    @Option(names = "--train-limit", paramLabel = "N", description = "Full runs only: train on the first N training"
            + " samples, with the test slice the services use for dataset.limit N (max(500, N/6)); 0 = all"
            + " (default: ${DEFAULT-VALUE}).")
    private int trainLimit;

    @Option(names = "--settings", paramLabel = "a,b", split = ",", description = "Forget-set settings"
            + " (default: ${DEFAULT-VALUE}).")
    private List<String> settings = new ArrayList<>(ForgetSettings.NAMES);

    @Mixin
    private RetrainComparison comparison = new RetrainComparison();

    public GateOptions() {
        super("gate");
    }

    /** @return the number of seeds */
    public int seeds() {
        return seeds != null ? seeds : quick() ? QUICK_SEEDS : DEFAULT_SEEDS;
    }

    /** @return training samples to keep in a full run (0: all) */
    public int trainLimit() {
        return trainLimit;
    }

    /** @return the forget-set settings to run */
    public List<String> settings() {
        return List.copyOf(settings);
    }

    /** @return the memorising and the weak base */
    public List<GateBases.Base> bases() {
        return List.of(new GateBases.Base(GateBases.MEMORISING, comparison.baseEpochs(engine())),
                new GateBases.Base(GateBases.WEAK, GateBases.WEAK_EPOCHS));
    }

    /** @return the candidates, Retrain first */
    public List<String> candidates() {
        return GateCandidates.names(comparison.methods());
    }

    @Override
    public Integer call() {
        return BenchRuns.engine(() -> GateBenchmark.run(this, System.out::println, System.out::println), GateReport.REPORT, output());
    }

    /**
     * @return these options
     * @throws UnlearnException listing every bad value at once
     */
    public GateOptions check() {
        List<String> problems = new ArrayList<>(comparison.problems());
        if (seeds() < 1) { problems.add("seeds must be at least 1, was " + seeds()); }
        if (comparison.baseEpochs(engine()) < 1) { problems.add("epochs must be at least 1"); }
        if (trainLimit < 0) { problems.add("train limit must be 0 (all) or a sample count, was " + trainLimit); }
        if (trainLimit > 0 && quick()) { problems.add("--train-limit is for full runs; --quick already trains on its own slice"); }
        settings.stream().filter(s -> !ForgetSettings.NAMES.contains(s))
                .forEach(s -> problems.add("unknown setting '" + s + "'; choose among " + ForgetSettings.NAMES));
        if (!problems.isEmpty()) {
            throw new UnlearnException("bad benchmark options: " + String.join("; ", problems));
        }
        return this;
    }
}
