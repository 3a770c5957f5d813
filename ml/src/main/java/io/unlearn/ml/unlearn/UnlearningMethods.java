package io.unlearn.ml.unlearn;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.unlearn.internals.FineTuneMethod;
import io.unlearn.ml.unlearn.internals.GradientAscentMethod;
import io.unlearn.ml.unlearn.internals.LastLayersRetrainMethod;
import io.unlearn.ml.unlearn.internals.NegGradPlusMethod;
import io.unlearn.ml.unlearn.internals.RandomLabelMethod;
import io.unlearn.ml.unlearn.internals.RetrainMethod;
import io.unlearn.ml.unlearn.internals.SalUnMethod;
import io.unlearn.ml.unlearn.internals.ScrubMethod;
import java.util.List;
import java.util.Locale;

/**
 * The catalogue of unlearning methods, by name: {@code retrain} (exact, the reference), {@code ft},
 * {@code ga}, {@code neggrad+}, {@code rl}, {@code l1-sparse}, {@code salun}, {@code scrub}, {@code eu-k} (retrain the last k layers).
 */
public final class UnlearningMethods {

    /** Every method name, Retrain first. */
    public static final List<String> NAMES = List.of("retrain", "ft", "ga", "neggrad+", "rl", "l1-sparse", "salun",
            "scrub", "eu-k");

    private UnlearningMethods() {
    }

    /**
     * @param name a method name (case-insensitive)
     * @return a new instance of it
     * @throws UnlearnException naming the known methods when the name is unknown
     */
    public static UnlearningMethod byName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "retrain" -> new RetrainMethod();
            case "ft" -> FineTuneMethod.fineTune();
            case "ga" -> new GradientAscentMethod();
            case "neggrad+", "neggradplus" -> new NegGradPlusMethod();
            case "rl" -> new RandomLabelMethod();
            case "l1-sparse", "l1sparse" -> FineTuneMethod.l1Sparse();
            case "salun" -> new SalUnMethod();
            case "scrub" -> new ScrubMethod();
            case "eu-k", "euk" -> new LastLayersRetrainMethod();
            default -> throw new UnlearnException("unknown unlearning method '" + name + "'; choose one of " + NAMES);
        };
    }

    /** @return one instance of every method, in {@link #NAMES} order */
    public static List<UnlearningMethod> all() {
        return NAMES.stream().map(UnlearningMethods::byName).toList();
    }
}
