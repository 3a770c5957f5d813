package io.unlearn.bench.gate;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.unlearn.UnlearningMethods;
import io.unlearn.ml.unlearn.UnlearningResult;
import io.unlearn.ml.unlearn.UnlearningTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The models the gate judges on each forget set: {@code retrain} (the ground truth itself), {@code noop} (the parent,
 * nudged so its sha256 differs: {@link ParameterNudge}), {@code ga-1e-6} (gradient ascent at lr 1e-6, which barely
 * moves a memorising model) and every approximate method of {@link UnlearningMethods} at its defaults.
 */
public final class GateCandidates {
    /** Retrain from scratch on the retain set with the base's recipe: the ground truth. */
    public static final String RETRAIN = "retrain";
    /** The parent with a negligible nudge. */
    public static final String NOOP = "noop";
    /** Gradient ascent at a learning rate of 1e-6. */
    public static final String GA_TINY = "ga-1e-6";
    /** The learning rate of {@link #GA_TINY}. */
    static final double GA_TINY_LR = 1e-6;

    private GateCandidates() {
    }

    /**
     * A candidate model and what owns it.
     *
     * @param model the model to judge
     * @param closer closes the model (and whatever came with it)
     */
    record Candidate(Classifier model, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }

    /**
     * @param methods the approximate methods to include (Retrain is always first)
     * @return the candidate names in run order
     */
    static List<String> names(List<String> methods) {
        List<String> out = new ArrayList<>(List.of(RETRAIN, NOOP, GA_TINY));
        methods.stream().filter(m -> !m.equalsIgnoreCase(RETRAIN)).forEach(out::add);
        return out;
    }

    /**
     * A candidate that is exactly an earlier one: {@code ga} at its defaults when those already set lr to
     * {@value #GA_TINY_LR} (same method, hyperparameters and seed give the same model, so it is not run twice).
     *
     * @param name a candidate name
     * @return the earlier candidate it repeats, or null
     */
    static String sameRunAs(String name) {
        return name.equals("ga") && UnlearningMethods.byName("ga").defaults().get("lr") == GA_TINY_LR ? GA_TINY : null;
    }

    /**
     * @param name a name of {@link #names}
     * @param parent the base model (left unchanged)
     * @param task the unlearning task on the forget set, without hyperparameters
     * @param listener epochs of the method's run
     * @return the candidate (close it)
     */
    static Candidate make(String name, Classifier parent, UnlearningTask.Builder task, ProgressListener listener) {
        if (name.equals(NOOP)) {
            Classifier nudged = ParameterNudge.nudged(parent);
            return new Candidate(nudged, nudged::close);
        }
        String method = name.equals(GA_TINY) ? "ga" : name;
        Map<String, Number> hp = name.equals(GA_TINY) ? Map.of("lr", GA_TINY_LR) : Map.of();
        UnlearningResult r = UnlearningMethods.byName(method).unlearn(task.optHyperparameters(hp).build(), listener);
        return new Candidate(r.model(), r::close);
    }
}
