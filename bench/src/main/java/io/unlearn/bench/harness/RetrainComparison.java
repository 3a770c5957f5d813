package io.unlearn.bench.harness;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.unlearn.UnlearningMethods;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of the benchmarks that compare approximate methods with Retrain (methods, worstcase), as a picocli
 * mixin: which methods, and the epochs of the base CNN, which are also Retrain's.
 */
public final class RetrainComparison {
    /** Every approximate method (all but Retrain). */
    private static final List<String> DEFAULT_METHODS = UnlearningMethods.NAMES.subList(1, UnlearningMethods.NAMES.size());

    @Option(names = "--methods", paramLabel = "a,b", split = ",", description = "Approximate methods to compare with"
            + " Retrain, which always runs (default: ${DEFAULT-VALUE}).")
    private List<String> methods = new ArrayList<>(DEFAULT_METHODS);

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs of the base CNN and of Retrain (default: "
            + EngineOptions.DEFAULT_BASE_EPOCHS + ", quick " + EngineOptions.QUICK_BASE_EPOCHS + ").")
    private Integer epochs;

    /** @return the methods as given */
    public List<String> methods() {
        return List.copyOf(methods);
    }

    /**
     * @param engine the engine options (quick mode decides the default)
     * @return epochs of the base CNN and Retrain
     */
    public int baseEpochs(EngineOptions engine) {
        return engine.baseEpochs(epochs);
    }

    /**
     * @return the flags of this mixin as a reader would type them to get the same rows: {@code --methods} when not the
     *     default list, {@code --epochs} when given (empty when neither)
     */
    public String flags() {
        String out = "";
        if (!methods.equals(DEFAULT_METHODS)) {
            out += " --methods " + String.join(",", methods);
        }
        return epochs == null ? out : out + " --epochs " + epochs;
    }

    /** @return one message per unknown method name */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (String m : methods) {
            try {
                UnlearningMethods.byName(m);
            } catch (UnlearnException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }
}
