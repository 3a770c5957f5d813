package io.unlearn.bench.challenge;

import io.unlearn.bench.harness.BenchRuns;
import io.unlearn.bench.harness.EngineBenchCommand;
import io.unlearn.evaluator.EvaluatorConfig;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.unlearn.UnlearningMethods;
import io.unlearn.ml.worstcase.ForgetSetKind;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The challenge subcommand: the settings of {@link ChallengeBenchmark}, parsed by picocli ({@code ./unlearn bench challenge
 * --help}; every value has a default, {@link #check()} lists every problem at once), and its run. The defaults are the
 * demo's model (CNN, 45 epochs on the first 10,000 training samples) and the evaluator's challenge settings.
 */
@Command(name = "challenge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The evaluator's worst-case challenge against Retrain, per unlearning method.",
            "On the demo's memorising base (CNN, 45 epochs, the first 10,000 training samples): for each method at its defaults,"
                    + " chooses the challenge set as the evaluator does, runs the method and Retrain on it and on a random set of"
                    + " the same size (against its own Retrain), and reports both Avg. Gaps, the challenge's verdict and its time."})
public final class ChallengeOptions extends EngineBenchCommand {
    /** Every method the worker can use, Retrain last. */
    static final List<String> ALL_METHODS = List.of("ft", "ga", "neggrad+", "rl", "l1-sparse", "salun", "scrub", "eu-k", "retrain");
    /** Quick mode: a near no-op, the worker's default, the strong approximate method and Retrain. */
    static final List<String> QUICK_METHODS = List.of("ga", "rl", "eu-k", "retrain");

    public ChallengeOptions() {
        super("challenge");
    }

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the base model, the sets and the runs (default: ${DEFAULT-VALUE}).")
    private long seed = 1;

    @Option(names = "--methods", paramLabel = "a,b", split = ",", description = "Methods, each at its defaults (default: "
            + "ft, ga, neggrad+, rl, l1-sparse, salun, scrub, eu-k, retrain; quick ga, rl, eu-k, retrain).")
    private List<String> methods;

    @Option(names = "--sets", paramLabel = "worst,...", split = ",", description = "Kinds of challenge set, each a row per method"
            + " (default: the evaluator's challenge.set.kind default).")
    private List<String> sets;

    @Option(names = "--forget", paramLabel = "M", description = "Size of the challenge and random sets, about one demo batch"
            + " (default: ${DEFAULT-VALUE}).")
    private int forgetSize = 300;

    @Option(names = "--train-limit", paramLabel = "N", description = "Training samples of the base (the demo's dataset.limit;"
            + " default: ${DEFAULT-VALUE}).")
    private int trainLimit = 10_000;

    /** Epochs of the base CNN and Retrain in a full run: the demo's memorising base. */
    static final int EPOCHS = 45;
    /** Quick mode's epochs: Retrain runs once per set, so its epochs decide the run time (a less memorising base). */
    static final int QUICK_EPOCHS = 15;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs of the base CNN and of Retrain (default: " + EPOCHS
            + ", the demo's; quick " + QUICK_EPOCHS + ").")
    private Integer epochs;

    /** @return the seed */
    public long seed() { return seed; }
    /** @return the methods */
    public List<String> methods() { return methods != null ? List.copyOf(methods) : quick() ? QUICK_METHODS : ALL_METHODS; }
    /** @return the set kinds */
    public List<ForgetSetKind> sets() {
        List<String> labels = sets != null ? sets : List.of((String) EvaluatorConfig.CONFIG_DEF.defaultValues().get(EvaluatorConfig.CHALLENGE_SET_KIND));
        return labels.stream().map(ForgetSetKind::byLabel).toList();
    }
    /** @return m */
    public int forgetSize() { return forgetSize; }
    /** @return training samples */
    public int trainLimit() { return trainLimit; }
    /** @return base and Retrain epochs */
    public int epochs() { return epochs != null ? epochs : quick() ? QUICK_EPOCHS : EPOCHS; }

    @Override
    public Integer call() {
        return BenchRuns.engine(() -> ChallengeBenchmark.run(this, System.out::println), ChallengeReport.REPORT, output());
    }

    /**
     * @return these options
     * @throws UnlearnException listing every bad value at once
     */
    public ChallengeOptions check() {
        List<String> p = new ArrayList<>();
        if (output().out() == null) { p.add("an output file is needed (--out FILE.json)"); }
        for (String m : methods()) {
            try {
                UnlearningMethods.byName(m);
            } catch (UnlearnException e) {
                p.add(e.getMessage());
            }
        }
        try {
            sets();
        } catch (UnlearnException e) {
            p.add(e.getMessage());
        }
        if (forgetSize < 1 || trainLimit < 2 * forgetSize) {
            p.add("--forget must be at least 1 and at most half of --train-limit, were " + forgetSize + " and " + trainLimit);
        }
        if (epochs() < 1) { p.add("--epochs must be at least 1, was " + epochs()); }
        if (!p.isEmpty()) {
            throw new UnlearnException("bad challenge benchmark options: " + String.join("; ", p));
        }
        return this;
    }
}
