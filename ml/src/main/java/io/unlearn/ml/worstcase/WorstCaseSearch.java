package io.unlearn.ml.worstcase;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The bi-level search for the forget set that is hardest (or easiest) to unlearn, after "Challenging Forgets"
 * (Unlearn-WorstCase, ECCV'24, {@code data-wise/main_selmu.py}). Variables: weights {@code w ∈ [0,1]^N} over a
 * candidate pool of N samples with {@code Σw = m}.
 * <ul>
 *   <li>Lower level ({@link LowerLevel}): from the original parameters, K epochs of sign-SGD on the method's loss with
 *       the forget part weighted by w and the retain part by 1 − w ({@link LowerLevelObjective}: ft, l1-sparse, rl,
 *       ga, neggrad+, eu-k; other methods fall back to ft) give θ_u(w), the model "unlearned" of the weighted set.</li>
 *   <li>Upper level: {@code w ← Proj(w ∓ η/s·(ℓᵢ(θ_u) + 2γ·wᵢ))} with the per-sample signal {@code ℓᵢ}
 *       ({@link UpperLevelSignal}, shape {@code (N)}, computed batched), s the standard deviation of ℓ over the pool
 *       (1 when {@code scaledStep} is off) and {@link WeightProjection#project}; the sign is {@code −} for
 *       {@link SearchMode#WORST} (the forget set that stays best fitted after unlearning: hardest to forget) and
 *       {@code +} for {@link SearchMode#EASIEST}; every {@code binariseEvery} steps w becomes its top-m
 *       indicator.</li>
 *   <li>The result is the top-m of w, as a {@link WorstCaseForgetSet}.</li>
 * </ul>
 *
 * <p>Defaults, and where each comes from (seed = {@code data-wise/arg_parser.py} and {@code main_selmu.py} of the
 * Unlearn-WorstCase code; the figures quoted are from {@code SearchDynamicsTest}'s fixture, a memorising MLP on
 * 2,000 Fashion-MNIST samples with m = 40, see docs/BENCHMARKS.md):
 * <ul>
 *   <li>outer steps 10: the seed's {@code select_epochs} default.</li>
 *   <li>K = 10: the seed's {@code unlearn_steps} default (its README example uses 2).</li>
 *   <li>θ lr 1e-3: the seed README's example; its {@code theta_lr} default is 1e-2, which here cut the lower level's
 *       pool accuracy from about 90% to 62–76% within 3 epochs: the search then scores a damaged model, not an
 *       unlearned one.</li>
 *   <li>η = 0.3 in units of the loss's standard deviation ({@code scaledStep}): a deviation. The seed steps
 *       {@code η = 0.01} on the raw loss; from the seed's random-subset start that kept the initial random set
 *       (40 of 40) after 10 steps, and η = 1e-3 from a uniform start left every weight within 0.023 of m/N = 0.02.
 *       Sign-SGD makes the lower level scale-free; scaling the upper step does the same for the upper level.</li>
 *   <li>signal LOG_ODDS: a deviation (the seed weighs by the CE), see {@link UpperLevelSignal}: with the CE the
 *       weights spread over the hundreds of samples fitted with CE ≈ 0 (largest weight 0.09–0.12).</li>
 *   <li>γ = 0: the seed's {@code gamma} default.</li>
 *   <li>binarise every 20: the seed's {@code feq_to_bi} default (the seed caps it at the outer steps, so it binarises
 *       once, at the end; the result here is the final top-m either way).</li>
 *   <li>init UNIFORM ({@code wᵢ = m/N}, the option left commented out in the seed, which starts from the indicator
 *       of a random subset): the set then depends on the objective, not on a random draw; with the defaults above
 *       both starts gave the same set on the fixture.</li>
 *   <li>batch 128: the lower level's batch (the seed's {@code batch_size} is 256; with the sign step a smaller batch
 *       means more, noisier steps per epoch).</li>
 * </ul>
 * Measured on that fixture with these defaults, the chosen set shares 34 of 40 samples with the m lowest-loss
 * samples: the samples that stay fitted after unlearning are mostly those fitted best before. With θ lr 1e-2 it shares
 * 6–9, but with the model damaged as above. Deterministic for a seed on the same machine and thread count.
 *
 * <pre>{@code
 * WorstCaseForgetSet set = WorstCaseSearch.builder().setForgetSize(600).optPoolSize(10_000).optSeed(1).build()
 *         .search(model, dataset, listener);
 * }</pre>
 *
 * @param forgetSize m, the number of samples to select
 * @param outerSteps upper-level steps
 * @param innerEpochs K, lower-level epochs per outer step
 * @param weightLr η, the upper-level step size
 * @param scaledStep whether η is divided by the standard deviation of the pool's losses at each step
 * @param signal the upper level's per-sample ℓᵢ
 * @param thetaLr the lower level's sign-SGD step size
 * @param gamma γ, the weight of the ‖w‖² regulariser
 * @param binariseEvery replace w by its top-m indicator every this many outer steps
 * @param batchSize lower-level batch size
 * @param poolSize candidate pool size (class-stratified subsample); 0 = the whole training set
 * @param mode WORST or EASIEST
 * @param init how w starts
 * @param seed seed of the pool, the initial set and the batch order
 * @param method the unlearning method the result is meant to challenge (recorded in the artifact)
 * @param hyperparameters the method's recorded hyperparameters (overrides of its defaults)
 * @param modelVersion the model's version id, or null for its parameter sha256
 */
public record WorstCaseSearch(int forgetSize, int outerSteps, int innerEpochs, double weightLr, boolean scaledStep,
        UpperLevelSignal signal, double thetaLr, double gamma, int binariseEvery, int batchSize, int poolSize,
        SearchMode mode, Init init, long seed,
        String method, Map<String, Number> hyperparameters, String modelVersion) {

    /** Checks every value, listing all problems at once with the bad value and the fix. */
    public WorstCaseSearch {
        List<String> p = new ArrayList<>();
        if (forgetSize < 1) {
            p.add("forget-set size must be at least 1, was " + forgetSize + "; a search for an empty set is"
                    + " meaningless");
        } else if (poolSize > 0 && forgetSize >= poolSize) {
            p.add("forget-set size " + forgetSize + " must be smaller than the pool size " + poolSize
                    + "; lower m or enlarge the pool");
        }
        if (outerSteps < 1) { p.add("outer steps must be at least 1, was " + outerSteps); }
        if (innerEpochs < 1) { p.add("inner epochs K must be at least 1, was " + innerEpochs); }
        if (!(weightLr > 0) || Double.isInfinite(weightLr)) { p.add("weight lr η must be > 0, was " + weightLr); }
        if (!(thetaLr > 0) || Double.isInfinite(thetaLr)) { p.add("theta lr must be > 0, was " + thetaLr); }
        if (!(gamma >= 0) || Double.isInfinite(gamma)) { p.add("gamma must be >= 0 and finite, was " + gamma); }
        if (binariseEvery < 1) { p.add("binariseEvery must be at least 1, was " + binariseEvery); }
        if (batchSize < 1) { p.add("batch size must be at least 1, was " + batchSize); }
        if (poolSize < 0) { p.add("pool size must be >= 0 (0 = whole training set), was " + poolSize); }
        if (mode == null) { p.add("mode must be WORST or EASIEST, was null"); }
        if (signal == null) { p.add("signal must be LOSS or LOG_ODDS, was null"); }
        if (init == null) { p.add("init must be UNIFORM or RANDOM_SUBSET, was null"); }
        if (method == null || method.isBlank()) { p.add("method must name the unlearning method, e.g. ft"); }
        if (!p.isEmpty()) {
            throw new UnlearnException("bad worst-case search settings: " + String.join("; ", p));
        }
        hyperparameters = hyperparameters == null ? Map.of() : Map.copyOf(hyperparameters);
    }

    /** How the weights start. */
    public enum Init {
        /** {@code wᵢ = m/N} for every candidate (the "uniform" option left commented out in the seed code). */
        UNIFORM,
        /** The indicator of a seeded random m-subset (what the seed code does). */
        RANDOM_SUBSET
    }

    /** Outer steps: the seed's {@code select_epochs} default. */
    public static final int DEFAULT_OUTER_STEPS = 10;
    /** K: the seed's {@code unlearn_steps} default. */
    public static final int DEFAULT_INNER_EPOCHS = 10;
    /** η, in units of the loss's standard deviation (a deviation from the seed's raw 0.01, see the class doc). */
    public static final double DEFAULT_WEIGHT_LR = 0.3;
    /** Scale the upper step by the loss's standard deviation (not in the seed). */
    public static final boolean DEFAULT_SCALED_STEP = true;
    /** The upper level's signal (the seed uses the CE). */
    public static final UpperLevelSignal DEFAULT_SIGNAL = UpperLevelSignal.LOG_ODDS;
    /** θ learning rate: the seed README's example (its default is 1e-2). */
    public static final double DEFAULT_THETA_LR = 1e-3;
    /** γ: the seed's default. */
    public static final double DEFAULT_GAMMA = 0;
    /** Binarise every 20 outer steps: the seed's {@code feq_to_bi} default. */
    public static final int DEFAULT_BINARISE_EVERY = 20;
    /** Lower-level batch size (the seed's is 256). */
    public static final int DEFAULT_BATCH_SIZE = 128;

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the search.
     *
     * @param model the original model (not modified)
     * @param dataset the dataset it was trained on; candidates come from its training view
     * @param listener receives one event per outer step (stage {@code worstcase/worst} or {@code worstcase/easiest})
     * @return the selected set
     * @throws UnlearnException when the model does not fit the data or m is not below the pool size
     */
    public WorstCaseForgetSet search(Classifier model, UnlearnDataset dataset, ProgressListener listener) {
        checkFits(model, dataset);
        long start = System.nanoTime();
        DataView pool = CandidatePool.stratified(dataset.train(), poolSize, seed);
        if (forgetSize >= pool.size()) {
            throw new UnlearnException("forget-set size " + forgetSize + " must be smaller than the candidate pool ("
                    + pool.size() + " samples): every candidate would be selected; lower m or enlarge the pool");
        }
        return BilevelLoop.run(this, model, dataset.name(), pool, start, listener);
    }

    /** @throws UnlearnException when the model's input shape or class count differs from the dataset's */
    static void checkFits(Classifier model, UnlearnDataset dataset) {
        long[] modelInput = model.spec().inputShapeArray();
        long[] dataInput = dataset.train().source().sampleShape().getShape();
        if (!Arrays.equals(modelInput, dataInput) || model.spec().numClasses() != dataset.numClasses()) {
            throw new UnlearnException("the model expects inputs " + Arrays.toString(modelInput) + " and "
                    + model.spec().numClasses() + " classes but " + dataset.name() + " has "
                    + Arrays.toString(dataInput) + " and " + dataset.numClasses() + "; pass the dataset the model"
                    + " was trained on");
        }
    }

    /** Builder: {@code set*} required, {@code opt*} optional, checked in {@link #build()}. */
    public static final class Builder {
        private Integer forgetSize;
        private int outerSteps = DEFAULT_OUTER_STEPS;
        private int innerEpochs = DEFAULT_INNER_EPOCHS;
        private double weightLr = DEFAULT_WEIGHT_LR;
        private boolean scaledStep = DEFAULT_SCALED_STEP;
        private UpperLevelSignal signal = DEFAULT_SIGNAL;
        private double thetaLr = DEFAULT_THETA_LR;
        private double gamma = DEFAULT_GAMMA;
        private int binariseEvery = DEFAULT_BINARISE_EVERY;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int poolSize;
        private SearchMode mode = SearchMode.WORST;
        private Init init = Init.UNIFORM;
        private long seed;
        private String method = "ft";
        private Map<String, Number> hyperparameters = Map.of();
        private String modelVersion;

        /** @param v m, the forget-set size, at least 1 and below the pool size @return this */
        public Builder setForgetSize(int v) { forgetSize = v; return this; }
        /** @param v outer steps (default 10) @return this */
        public Builder optOuterSteps(int v) { outerSteps = v; return this; }
        /** @param v K, lower-level epochs per outer step (default 10) @return this */
        public Builder optInnerEpochs(int v) { innerEpochs = v; return this; }
        /** @param v η (default 0.3, per loss standard deviation) @return this */
        public Builder optWeightLr(double v) { weightLr = v; return this; }
        /** @param v whether η is in units of the pool's loss standard deviation (default true) @return this */
        public Builder optScaledStep(boolean v) { scaledStep = v; return this; }
        /** @param v the upper level's per-sample signal (default LOG_ODDS) @return this */
        public Builder optSignal(UpperLevelSignal v) { signal = v; return this; }
        /** @param v lower-level sign-SGD step (default 1e-3) @return this */
        public Builder optThetaLr(double v) { thetaLr = v; return this; }
        /** @param v γ (default 0) @return this */
        public Builder optGamma(double v) { gamma = v; return this; }
        /** @param v binarisation period in outer steps (default 20) @return this */
        public Builder optBinariseEvery(int v) { binariseEvery = v; return this; }
        /** @param v lower-level batch size (default 128) @return this */
        public Builder optBatchSize(int v) { batchSize = v; return this; }
        /** @param v candidate pool size, 0 = whole training set (default 0) @return this */
        public Builder optPoolSize(int v) { poolSize = v; return this; }
        /** @param v WORST (default) or EASIEST @return this */
        public Builder optMode(SearchMode v) { mode = v; return this; }
        /** @param v initial weights (default UNIFORM) @return this */
        public Builder optInit(Init v) { init = v; return this; }
        /** @param v seed (default 0) @return this */
        public Builder optSeed(long v) { seed = v; return this; }
        /** @param v the method the set is meant for (default ft) @return this */
        public Builder optMethod(String v) { method = v; return this; }
        /** @param v the method's recorded hyperparameters, used by its lower level (default none) @return this */
        public Builder optHyperparameters(Map<String, ? extends Number> v) {
            hyperparameters = v == null ? Map.of() : Map.copyOf(v);
            return this;
        }
        /** @param v model version id (default: the parameter sha256) @return this */
        public Builder optModelVersion(String v) { modelVersion = v; return this; }

        /** @return the checked search; every problem is listed at once */
        public WorstCaseSearch build() {
            if (forgetSize == null) {
                throw new UnlearnException("bad worst-case search settings: the forget-set size is required: call"
                        + " setForgetSize(m) with 1 <= m < pool size");
            }
            return new WorstCaseSearch(forgetSize, outerSteps, innerEpochs, weightLr, scaledStep, signal, thetaLr, gamma,
                    binariseEvery, batchSize, poolSize, mode, init, seed, method, hyperparameters, modelVersion);
        }
    }
}
