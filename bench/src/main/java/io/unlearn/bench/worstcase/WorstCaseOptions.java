package io.unlearn.bench.worstcase;

import io.unlearn.bench.harness.BenchRuns;
import io.unlearn.bench.harness.EngineBenchCommand;
import io.unlearn.bench.harness.RetrainComparison;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.unlearn.UnlearningMethods;
import io.unlearn.ml.worstcase.WorstCaseSearch;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The worstcase subcommand: the settings of {@link WorstCaseBenchmark}, parsed by picocli ({@code ./unlearn bench
 * worstcase --help}; every value has a default, {@link #check()} lists every problem at once), and its run.
 */
@Command(name = "worstcase", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Random, worst-case, lowest-loss and gate-hardest forget sets, per unlearning method, and what"
                + " the search costs.",
            "On the methods benchmark's CNN (shared through the base-model cache) and for each forget ratio: four sets"
                    + " of the same size m (random; the bi-level worst-case set and the gate-hardest set, both chosen"
                    + " for --set-method; the m lowest-loss pool samples), Retrain and every approximate method on"
                    + " each, with UA, MIA-Efficacy, RA, TA, Avg. Gap and which set makes each method's gap largest;"
                    + " also times the search with the MLP on the same pool."})
public final class WorstCaseOptions extends EngineBenchCommand {

    public WorstCaseOptions() {
        super("worstcase");
    }

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the base model, the random sets, the pool, the"
            + " search and the methods (default: ${DEFAULT-VALUE}).")
    private long seed = 1;

    @Option(names = "--ratios", paramLabel = "0.01,0.1", split = ",", description = "Forget ratios (shares of the"
            + " training set), each in (0, 0.5) (default: ${DEFAULT-VALUE}).")
    private List<Double> ratios = new ArrayList<>(List.of(0.01, 0.1));

    @Option(names = "--pool", paramLabel = "N", description = "Candidate pool size; the pool is at least 2m and at most"
            + " the training set (default: 10000, quick 2000).")
    private Integer poolSize;

    @Mixin
    private RetrainComparison comparison = new RetrainComparison();

    @Option(names = "--set-method", paramLabel = "NAME", description = "The method the worst-case search (its lower"
            + " level) and the gate-hardest set are chosen for (default: ${DEFAULT-VALUE}, the worker's default).")
    private String setMethod = "rl";

    @Option(names = "--outer", paramLabel = "N", description = "Outer steps of the search (default: "
            + WorstCaseSearch.DEFAULT_OUTER_STEPS + ", quick 5).")
    private Integer outerSteps;

    @Option(names = "--inner", paramLabel = "N", description = "Lower-level epochs K of the search (default: "
            + WorstCaseSearch.DEFAULT_INNER_EPOCHS + ", quick 2).")
    private Integer innerEpochs;

    /** @return the seed */
    public long seed() { return seed; }
    /** @return the forget ratios */
    public List<Double> ratios() { return List.copyOf(ratios); }
    /** @return the candidate pool size */
    public int poolSize() { return poolSize != null ? poolSize : quick() ? 2_000 : 10_000; }
    /** @return the approximate methods */
    public List<String> methods() { return comparison.methods(); }
    /** @return epochs of the base CNN and Retrain */
    public int baseEpochs() { return comparison.baseEpochs(engine()); }
    /** @return the method the worst-case and gate-hardest sets are chosen for */
    public String setMethod() { return setMethod; }
    /** @return outer steps of the search */
    public int outerSteps() {
        return outerSteps != null ? outerSteps : quick() ? 5 : WorstCaseSearch.DEFAULT_OUTER_STEPS;
    }
    /** @return lower-level epochs K of the search */
    public int innerEpochs() {
        return innerEpochs != null ? innerEpochs : quick() ? 2 : WorstCaseSearch.DEFAULT_INNER_EPOCHS;
    }

    @Override
    public Integer call() {
        return BenchRuns.engine(() -> WorstCaseBenchmark.run(this, System.out::println), WorstCaseReport.REPORT, output());
    }

    /**
     * @return these options
     * @throws UnlearnException listing every bad value at once
     */
    public WorstCaseOptions check() {
        List<String> p = new ArrayList<>();
        if (output().out() == null) { p.add("an output file is needed (--out FILE.json)"); }
        if (ratios.isEmpty() || ratios.stream().anyMatch(r -> !(r > 0 && r < 0.5))) {
            p.add("ratios must be a non-empty list of shares in (0, 0.5), was " + ratios);
        }
        if (poolSize() < 2) { p.add("pool size must be at least 2, was " + poolSize()); }
        if (baseEpochs() < 1) { p.add("base epochs must be at least 1, was " + baseEpochs()); }
        if (outerSteps() < 1 || innerEpochs() < 1) {
            p.add("outer steps and K must be at least 1, were " + outerSteps() + ", " + innerEpochs());
        }
        p.addAll(comparison.problems());
        try {
            UnlearningMethods.byName(setMethod);
        } catch (UnlearnException e) {
            p.add("--set-method: " + e.getMessage());
        }
        if (!p.isEmpty()) {
            throw new UnlearnException("bad worst-case benchmark options: " + String.join("; ", p));
        }
        return this;
    }
}
