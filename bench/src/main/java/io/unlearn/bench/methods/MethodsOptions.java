package io.unlearn.bench.methods;

import io.unlearn.bench.harness.BenchRuns;
import io.unlearn.bench.harness.EngineBenchCommand;
import io.unlearn.bench.harness.RetrainComparison;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.unlearn.UnlearningMethods;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The methods subcommand: the settings of {@link MethodsBenchmark}, parsed by picocli ({@code ./unlearn bench
 * methods --help}; every value has a default, {@link #check()} lists every problem at once), and its run.
 */
@Command(name = "methods", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The unlearning methods against Retrain, the exact reference, on the Fashion-MNIST CNN.",
            "For a random 10%% forget set and for a whole class (T-shirt/top), per seed: trains the base model (cached),"
                    + " runs Retrain and every approximate method, and reports UA, MIA-Efficacy, RA, TA, run time,"
                    + " Avg. Gap to Retrain and speed-up over Retrain, plus MLP and CNN training throughput.",
            "A full run takes about 1.5 h on 2 cores; --quick --seeds 1 --methods ft takes a few minutes."})
public final class MethodsOptions extends EngineBenchCommand {

    public MethodsOptions() {
        super("methods");
    }
    /** Default number of seeds. */
    public static final int DEFAULT_SEEDS = 3;
    /** Share of training samples in the random forget set. */
    public static final double FORGET_FRACTION = 0.1;
    /** The class forgotten in the class-wise setting (T-shirt/top). */
    public static final int FORGET_CLASS = 0;

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds; the base model, the forget set and the methods"
            + " follow the seed (default: ${DEFAULT-VALUE}).")
    private int seeds = DEFAULT_SEEDS;

    @Mixin
    private RetrainComparison comparison = new RetrainComparison();

    @Option(names = "--set", paramLabel = "method.key=value", description = "A hyperparameter override, e.g."
            + " ft.lr=0.005; repeatable.")
    private Map<String, Double> set = new LinkedHashMap<>();

    @Option(names = "--sweep", paramLabel = "method.key=v1,v2", description = "Hyperparameter values to sweep on the"
            + " random setting only, each its own row (e.g. ft{lr=0.005}), crossed with the overrides; repeatable.")
    private Map<String, String> sweep = new LinkedHashMap<>();

    /** @return the number of seeds */
    public int seeds() {
        return seeds;
    }

    /**
     * @return the command that gives the same rows: every option that shapes them ({@code --quick}, {@code --seeds},
     *     the methods, the epochs, each {@code --set} and {@code --sweep}); not where files go
     */
    public String commandLine() {
        StringBuilder b = new StringBuilder("./unlearn bench methods");
        if (quick()) {
            b.append(" --quick");
        }
        b.append(" --seeds ").append(seeds).append(comparison.flags());
        set.forEach((k, v) -> b.append(" --set ").append(k).append('=').append(v));
        sweep.forEach((k, v) -> b.append(" --sweep ").append(k).append('=').append(v));
        return b.toString();
    }

    /** @return epochs of the base model and Retrain */
    public int baseEpochs() {
        return comparison.baseEpochs(engine());
    }

    /** @return the approximate methods to compare with Retrain */
    public List<String> methods() {
        return comparison.methods().stream().filter(m -> !m.equalsIgnoreCase("retrain")).toList();
    }

    /** @return share of training samples in the random forget set */
    public double forgetFraction() {
        return FORGET_FRACTION;
    }

    /** @return the class forgotten in the class-wise setting */
    public int forgetClass() {
        return FORGET_CLASS;
    }

    /** @return hyperparameter overrides per method */
    public Map<String, Map<String, Number>> overrides() {
        Map<String, Map<String, Number>> out = new LinkedHashMap<>();
        set.forEach((key, value) -> {
            String[] mk = methodAndKey("--set", "method.key=value, e.g. ft.lr=0.005", key, value.toString());
            out.computeIfAbsent(mk[0], x -> new LinkedHashMap<>()).put(mk[1], value);
        });
        return Collections.unmodifiableMap(out);
    }

    /** @return per method, the hyperparameters to sweep and their values */
    public Map<String, Map<String, List<Number>>> sweeps() {
        Map<String, Map<String, List<Number>>> out = new LinkedHashMap<>();
        sweep.forEach((key, values) -> {
            String[] mk = methodAndKey("--sweep", "method.key=v1,v2,..., e.g. ft.lr=0.003,0.005", key, values);
            List<Number> numbers = Arrays.stream(values.split(",")).map(v -> (Number) number(key, v)).toList();
            out.computeIfAbsent(mk[0], x -> new LinkedHashMap<>()).put(mk[1], numbers);
        });
        return Collections.unmodifiableMap(out);
    }

    /**
     * The hyperparameter variants of a method: the overrides crossed with every sweep value.
     *
     * @param method a method name
     * @return the variants, each a full override map (one empty map when nothing is set)
     */
    public List<Map<String, Number>> variants(String method) {
        List<Map<String, Number>> out = new ArrayList<>(List.of(new LinkedHashMap<>(overrides().getOrDefault(method,
                Map.of()))));
        sweeps().getOrDefault(method, Map.of()).forEach((key, values) -> {
            List<Map<String, Number>> next = new ArrayList<>();
            for (Map<String, Number> v : out) {
                for (Number value : values) {
                    Map<String, Number> m = new LinkedHashMap<>(v);
                    m.put(key, value);
                    next.add(m);
                }
            }
            out.clear();
            out.addAll(next);
        });
        return out;
    }

    @Override
    public Integer call() {
        return BenchRuns.engine(() -> MethodsBenchmark.run(this, System.out::println), MethodsReport.REPORT, output());
    }

    /**
     * @return these options
     * @throws UnlearnException listing every bad value at once
     */
    public MethodsOptions check() {
        List<String> problems = new ArrayList<>();
        if (seeds < 1) { problems.add("seeds must be at least 1, was " + seeds); }
        if (baseEpochs() < 1) { problems.add("base epochs must be at least 1, was " + baseEpochs()); }
        problems.addAll(comparison.problems());
        try {
            Map<String, Map<String, Number>> all = new LinkedHashMap<>();
            overrides().forEach((m, hp) -> all.put(m, new LinkedHashMap<>(hp)));
            sweeps().forEach((m, hp) -> hp.forEach((k, v) -> all.computeIfAbsent(m, x -> new LinkedHashMap<>())
                    .put(k, v.get(0))));
            all.forEach((m, hp) -> {
                try {
                    UnlearningMethods.byName(m).defaults().with(hp);
                } catch (UnlearnException e) {
                    problems.add(e.getMessage());
                }
            });
        } catch (UnlearnException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new UnlearnException("bad benchmark options: " + String.join("; ", problems));
        }
        return this;
    }

    private static String[] methodAndKey(String option, String form, String key, String value) {
        int dot = key.indexOf('.');
        if (dot < 1 || dot == key.length() - 1) {
            throw new UnlearnException(option + " needs " + form + "; was '" + key + "=" + value + "'");
        }
        return new String[] {key.substring(0, dot), key.substring(dot + 1)};
    }

    private static double number(String option, String v) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new UnlearnException("--sweep " + option + ": '" + v + "' is not a number", e);
        }
    }
}
