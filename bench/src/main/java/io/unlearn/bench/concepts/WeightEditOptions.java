package io.unlearn.bench.concepts;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.unlearn.UnlearningMethods;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Option;

/**
 * The settings of the {@code weights} rows, as a picocli mixin of {@link ConceptsOptions}: which weight-editing
 * methods of {@link UnlearningMethods} compete and the learning rates each is tried with; everything else is the
 * method's default (rl and neggrad+: one epoch, batch 128, Adam). Quick mode drops the lowest rate: with a sixth
 * of the steps per epoch, 1e-4 barely moves the weights (no concept chose it in a quick run), and the time goes
 * to retrain.
 */
public final class WeightEditOptions {

    /** Methods tried by default: both use the retain set, RL by training on it, NegGrad+ by descending on it. */
    public static final List<String> DEFAULT_METHODS = List.of("rl", "neggrad+");
    /** Learning rates tried by default (Adam). */
    public static final List<Double> DEFAULT_LEARNING_RATES = List.of(1e-4, 1e-3, 1e-2);
    /** Learning rates tried by default in quick mode. */
    public static final List<Double> QUICK_LEARNING_RATES = List.of(1e-3, 1e-2);

    @Option(names = "--weights-methods", paramLabel = "rl,neggrad+", split = ",", description = "Weight-editing"
            + " methods of the 'weights' rows, tried against each other (default: ${DEFAULT-VALUE}).")
    private List<String> methods = new ArrayList<>(DEFAULT_METHODS);

    @Option(names = "--weights-lrs", paramLabel = "1e-4,1e-2", split = ",", converter = ConceptsOptions.NumberOrBlank.class,
            description = "Learning rates tried with every weight-editing method (default: 1e-4,1e-3,1e-2; quick"
                    + " 1e-3,1e-2).")
    private List<Double> learningRates;

    /** @return the method names */
    public List<String> methods() {
        return List.copyOf(methods);
    }

    /**
     * @param quick quick mode (decides the default)
     * @return the learning rates
     */
    public List<Double> learningRates(boolean quick) {
        return learningRates != null ? learningRates.stream().filter(Objects::nonNull).toList()
                : quick ? QUICK_LEARNING_RATES : DEFAULT_LEARNING_RATES;
    }

    /** @return one message per bad value (empty when all are fine) */
    List<String> problems() {
        List<String> p = new ArrayList<>();
        if (methods.isEmpty()) {
            p.add("give at least one weight-editing method (--weights-methods rl,neggrad+)");
        }
        for (String m : methods) {
            if (m.equalsIgnoreCase("retrain")) {
                p.add("--weights-methods: retrain has its own rows; choose approximate methods such as rl or neggrad+");
                continue;
            }
            try {
                UnlearningMethods.byName(m);
            } catch (UnlearnException e) {
                p.add("--weights-methods: " + e.getMessage());
            }
        }
        List<Double> lrs = learningRates(false);
        if (lrs.isEmpty() || lrs.stream().anyMatch(x -> !(x > 0))) {
            p.add("weight-editing learning rates must be positive, was " + lrs);
        }
        return p;
    }
}
