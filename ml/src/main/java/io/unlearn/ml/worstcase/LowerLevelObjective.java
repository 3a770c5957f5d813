package io.unlearn.ml.worstcase;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.train.Losses;
import io.unlearn.ml.unlearn.Hyperparameters;
import io.unlearn.ml.unlearn.UnlearningMethods;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The method-specific lower level of the search, chosen by the method's name: what θ_u(w) minimises on a batch with
 * per-sample weights w (the soft forget part) and 1 − w (the soft retain part), CE the per-sample cross-entropy, the
 * batch mean taken. At a 0/1 indicator w each is the method's own loss on (forget, retain).
 * <ul>
 *   <li>{@code ft}: {@code (1−w)·CE}, fine-tuning on the retained part (seed {@code w_FT}).</li>
 *   <li>{@code l1-sparse}: ft + {@code α_e·‖θ‖₁}, α decaying linearly over the K epochs as the method and the seed's
 *       {@code w_FT_l1} do; α is the method's (its default or the recorded value).</li>
 *   <li>{@code rl} (and {@code salun}, which is RL on salient weights; the mask is left out): {@code (1−w)·CE(y) +
 *       w·CE(ỹ)} with ỹ a seeded random wrong label per sample: random labels on the forget part plus the retain part
 *       in one pass, as the method does. The seed's {@code w_RL} instead relabels the current top-m and uses plain
 *       SGD; here the same weighted form as ft keeps the upper level's signal continuous.</li>
 *   <li>{@code ga}: {@code −w·CE}, ascent, iterating over the top m of w only (the method sees the forget set
 *       only; over the whole pool the sign step would give samples of tiny weight full steps).</li>
 *   <li>{@code neggrad+}: {@code α·(1−w)·CE − (1−α)·w·CE}, α the method's (default 0.99).</li>
 *   <li>{@code eu-k}: the last k fully connected layers re-initialised (seeded) and trained alone on
 *       {@code (1−w)·CE}; the layers below stay frozen (seed {@code w_EU}, which does this with k = 1); k is the
 *       method's (default 2).</li>
 *   <li>Any other method ({@code retrain}, {@code scrub}) falls back to ft; {@link #fallback()} says so and the
 *       artifact records it ({@code lower_level_fallback} = 1).</li>
 * </ul>
 */
final class LowerLevelObjective {

    private enum Form { FT, L1_SPARSE, RL, GA, NEGGRAD_PLUS, EU_K }

    private final Form form;
    private final boolean fallback;
    private final double alpha;
    private final int k;

    private LowerLevelObjective(Form form, boolean fallback, double alpha, int k) {
        this.form = form;
        this.fallback = fallback;
        this.alpha = alpha;
        this.k = k;
    }

    /**
     * @param method the method's name, as in {@link UnlearningMethods}
     * @param overrides the method's recorded hyperparameters
     * @return its lower level
     * @throws UnlearnException when the method is unknown or a hyperparameter is out of range
     */
    static LowerLevelObjective forMethod(String method, Map<String, Number> overrides) {
        Hyperparameters hp = UnlearningMethods.byName(method).defaults().with(overrides);
        return switch (method.trim().toLowerCase(Locale.ROOT)) {
            case "ft" -> new LowerLevelObjective(Form.FT, false, 0, 0);
            case "l1-sparse", "l1sparse" -> new LowerLevelObjective(Form.L1_SPARSE, false, hp.inRange("alpha", 0, 1), 0);
            case "rl", "salun" -> new LowerLevelObjective(Form.RL, false, 0, 0);
            case "ga" -> new LowerLevelObjective(Form.GA, false, 0, 0);
            case "neggrad+", "neggradplus" -> new LowerLevelObjective(Form.NEGGRAD_PLUS, false,
                    hp.inRange("alpha", 0, 1), 0);
            case "eu-k", "euk" -> new LowerLevelObjective(Form.EU_K, false, 0, hp.positiveInt("k"));
            default -> new LowerLevelObjective(Form.FT, true, 0, 0);
        };
    }

    /** @return the lower level's name: ft, l1-sparse, rl, ga, neggrad+ or eu-k */
    String name() {
        return form.name().toLowerCase(Locale.ROOT).replace("_plus", "+").replace('_', '-');
    }

    /** @return whether the method has no lower level of its own and ft stands in */
    boolean fallback() {
        return fallback;
    }

    /** @return what the artifact records: the fallback flag and the method's α or k where used */
    Map<String, Double> settings() {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("lower_level_fallback", fallback ? 1.0 : 0.0);
        if (form == Form.L1_SPARSE || form == Form.NEGGRAD_PLUS) {
            s.put("lower_level_alpha", alpha);
        }
        if (form == Form.EU_K) {
            s.put("lower_level_k", (double) k);
        }
        return s;
    }

    /** @return the pool positions one epoch iterates over: the top m of w for GA, every position otherwise */
    int[] positions(double[] w, int m) {
        return form == Form.GA ? WeightProjection.topM(w, m) : IntStream.range(0, w.length).toArray();
    }

    /**
     * Readies the copy of the original: EU-k re-initialises its last k fully connected layers from a fresh model of
     * the same spec (seeded by the spec's training seed).
     *
     * @param model the copy to train
     * @return the names of the parameters to train, or null for all
     */
    Set<String> prepare(Classifier model) {
        if (form != Form.EU_K) {
            return null;
        }
        List<Pair<String, Parameter>> linear = new ArrayList<>();
        model.block().getParameters().forEach(p -> {
            if (p.getKey().contains("Linear")) {
                linear.add(p);
            }
        });
        if (2 * k > linear.size()) {
            throw new UnlearnException("eu-k lower level: k = " + k + " but the model has only " + linear.size() / 2
                    + " fully connected layers; record k between 1 and " + linear.size() / 2);
        }
        Set<String> trained = new TreeSet<>();
        try (Classifier fresh = Classifier.create(model.spec(), model.device())) {
            Map<String, Parameter> init = new LinkedHashMap<>();
            fresh.block().getParameters().forEach(p -> init.put(p.getKey(), p.getValue()));
            for (Pair<String, Parameter> p : linear.subList(linear.size() - 2 * k, linear.size())) {
                init.get(p.getKey()).getArray().copyTo(p.getValue().getArray());
                trained.add(p.getKey());
            }
        }
        return trained;
    }

    /**
     * @param model the model being trained (for l1-sparse's norm)
     * @param m the batch's manager
     * @param logits {@code (B, C)}
     * @param y true labels {@code (B)}
     * @param wrong RL's random wrong labels {@code (B)}
     * @param w the batch's weights {@code (B)}
     * @param decay {@code 1 − e/K} for epoch e (l1-sparse's α schedule)
     * @return the scalar batch loss
     */
    NDArray loss(Classifier model, NDManager m, NDArray logits, NDArray y, NDArray wrong, NDArray w, double decay) {
        NDArray ce = Losses.crossEntropyPerSample(logits, y);
        NDArray keep = w.neg().add(1f);
        return switch (form) {
            case FT, EU_K -> keep.mul(ce).mean();
            case L1_SPARSE -> keep.mul(ce).mean().add(Losses.l1Norm(model, m).mul((float) (alpha * decay)));
            case RL -> keep.mul(ce).add(w.mul(Losses.crossEntropyPerSample(logits, wrong))).mean();
            case GA -> w.mul(ce).mean().neg();
            case NEGGRAD_PLUS -> keep.mul(ce).mul((float) alpha).sub(w.mul(ce).mul((float) (1 - alpha))).mean();
        };
    }

}
