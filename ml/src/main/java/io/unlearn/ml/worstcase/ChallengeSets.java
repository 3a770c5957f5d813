package io.unlearn.ml.worstcase;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import java.util.Arrays;
import java.util.Map;

/**
 * Chooses a challenge forget set of m samples of one {@link ForgetSetKind} from a class-stratified
 * {@link CandidatePool} of the training set; every kind with the same pool size and seed draws from the same pool.
 * <ul>
 *   <li>{@code random}: the first m of a seeded shuffle of the pool ({@code KindChoices.random}).</li>
 *   <li>{@code worst}: the bi-level search ({@link WorstCaseSearch}, mode WORST) with the method's lower level and
 *       the given outer steps and inner epochs.</li>
 *   <li>{@code lowest-loss}: the m pool samples with the lowest loss under the model ({@code KindChoices.lowestLoss}).</li>
 *   <li>{@code gate-hardest}: the m samples whose membership stays most detectable after the method ran
 *       ({@code GateHardest}).</li>
 * </ul>
 *
 * <pre>{@code
 * WorstCaseForgetSet set = ChallengeSets.builder().setForgetSize(600).optKind(ForgetSetKind.GATE_HARDEST)
 *         .optMethod("rl").optPoolSize(10_000).optSeed(1).build().choose(model, dataset, listener);
 * }</pre>
 *
 * @param forgetSize m
 * @param kind how to choose
 * @param method the unlearning method the set is meant to challenge (lower level of WORST, the run of GATE_HARDEST)
 * @param hyperparameters the method's recorded settings (overrides of its defaults)
 * @param poolSize candidate pool size; 0 = the whole training set
 * @param seed seed of the pool, the random draw and every run
 * @param modelVersion the model's version id, or null for its parameter sha256
 * @param outerSteps WORST's outer steps, or null for {@link WorstCaseSearch#DEFAULT_OUTER_STEPS}
 * @param innerEpochs WORST's inner epochs, or null for {@link WorstCaseSearch#DEFAULT_INNER_EPOCHS}
 * @param nonMembers GATE_HARDEST's reference of samples never trained on, or null for the dataset's test view
 */
public record ChallengeSets(int forgetSize, ForgetSetKind kind, String method, Map<String, Number> hyperparameters,
        int poolSize, long seed, String modelVersion, Integer outerSteps, Integer innerEpochs, DataView nonMembers) {

    /** Checks the values, listing every problem at once. */
    public ChallengeSets {
        StringBuilder p = new StringBuilder();
        if (forgetSize < 1) {
            p.append("; forget-set size must be at least 1, was ").append(forgetSize);
        } else if (poolSize > 0 && forgetSize >= poolSize) {
            p.append("; forget-set size ").append(forgetSize).append(" must be smaller than the pool size ")
                    .append(poolSize).append(": lower m or enlarge the pool");
        }
        if (kind == null) { p.append("; kind must be one of ").append(Arrays.toString(ForgetSetKind.values())); }
        if (method == null || method.isBlank()) { p.append("; method must name the unlearning method, e.g. ft"); }
        if (poolSize < 0) { p.append("; pool size must be >= 0 (0 = whole training set), was ").append(poolSize); }
        if (outerSteps != null && outerSteps < 1) { p.append("; outer steps must be at least 1, was ").append(outerSteps); }
        if (innerEpochs != null && innerEpochs < 1) { p.append("; inner epochs must be at least 1, was ").append(innerEpochs); }
        if (p.length() > 0) {
            throw new UnlearnException("bad challenge-set settings: " + p.substring(2));
        }
        hyperparameters = hyperparameters == null ? Map.of() : Map.copyOf(hyperparameters);
    }

    /** @return a builder (kind WORST, method ft, whole training set as pool, seed 0) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Chooses the set.
     *
     * @param model the model to challenge (not modified)
     * @param dataset the dataset it was trained on; candidates come from its training view
     * @param listener progress of the search or of the method's run (stage prefixed {@code challenge/<kind>})
     * @return the set, its {@link WorstCaseForgetSet#kind()} the kind asked for
     * @throws UnlearnException when the model does not fit the data, or m is not below the pool size
     */
    public WorstCaseForgetSet choose(Classifier model, UnlearnDataset dataset, ProgressListener listener) {
        WorstCaseSearch.checkFits(model, dataset);
        long start = System.nanoTime();
        if (kind == ForgetSetKind.WORST) {
            WorstCaseSearch.Builder b = WorstCaseSearch.builder().setForgetSize(forgetSize).optMethod(method)
                    .optHyperparameters(hyperparameters).optPoolSize(poolSize).optSeed(seed)
                    .optModelVersion(modelVersion);
            if (outerSteps != null) { b.optOuterSteps(outerSteps); }
            if (innerEpochs != null) { b.optInnerEpochs(innerEpochs); }
            return b.build().search(model, dataset, listener.prefixed("challenge"));
        }
        DataView pool = CandidatePool.stratified(dataset.train(), poolSize, seed);
        if (forgetSize >= pool.size()) {
            throw new UnlearnException("forget-set size " + forgetSize + " must be smaller than the candidate pool ("
                    + pool.size() + " samples); lower m or enlarge the pool");
        }
        return switch (kind) {
            case RANDOM -> KindChoices.random(this, model, dataset.name(), pool, start);
            case LOWEST_LOSS -> KindChoices.lowestLoss(this, model, dataset.name(), pool, start);
            case GATE_HARDEST -> GateHardest.choose(this, model, dataset,
                    nonMembers != null ? nonMembers : dataset.test(), pool, start, listener.prefixed("challenge"));
            case WORST -> throw new IllegalStateException("handled above");
        };
    }

    /** @return the model version to record: the given id, or the model's parameter sha256 */
    String versionOf(Classifier model) {
        return modelVersion != null ? modelVersion : model.sha256();
    }

    /** Builder: {@code set*} required, {@code opt*} optional, checked in {@link #build()}. */
    public static final class Builder {
        private Integer forgetSize;
        private ForgetSetKind kind = ForgetSetKind.WORST;
        private String method = "ft";
        private Map<String, Number> hyperparameters = Map.of();
        private int poolSize;
        private long seed;
        private String modelVersion;
        private Integer outerSteps;
        private Integer innerEpochs;
        private DataView nonMembers;

        /** @param v m, at least 1 and below the pool size @return this */
        public Builder setForgetSize(int v) { forgetSize = v; return this; }
        /** @param v how to choose (default WORST) @return this */
        public Builder optKind(ForgetSetKind v) { kind = v; return this; }
        /** @param v the method to challenge (default ft) @return this */
        public Builder optMethod(String v) { method = v; return this; }
        /** @param v the method's recorded hyperparameters (default none: its defaults) @return this */
        public Builder optHyperparameters(Map<String, ? extends Number> v) {
            hyperparameters = v == null ? Map.of() : Map.copyOf(v);
            return this;
        }
        /** @param v candidate pool size, 0 = whole training set (default 0) @return this */
        public Builder optPoolSize(int v) { poolSize = v; return this; }
        /** @param v seed (default 0) @return this */
        public Builder optSeed(long v) { seed = v; return this; }
        /** @param v the model's version id (default: its parameter sha256) @return this */
        public Builder optModelVersion(String v) { modelVersion = v; return this; }
        /** @param v WORST's outer steps (default {@link WorstCaseSearch#DEFAULT_OUTER_STEPS}) @return this */
        public Builder optOuterSteps(int v) { outerSteps = v; return this; }
        /** @param v WORST's inner epochs (default {@link WorstCaseSearch#DEFAULT_INNER_EPOCHS}) @return this */
        public Builder optInnerEpochs(int v) { innerEpochs = v; return this; }
        /** @param v GATE_HARDEST's non-member reference (default: the dataset's test view) @return this */
        public Builder optNonMembers(DataView v) { nonMembers = v; return this; }

        /** @return the checked chooser */
        public ChallengeSets build() {
            if (forgetSize == null) {
                throw new UnlearnException("bad challenge-set settings: the forget-set size is required: call"
                        + " setForgetSize(m) with 1 <= m < pool size");
            }
            return new ChallengeSets(forgetSize, kind, method, hyperparameters, poolSize, seed, modelVersion,
                    outerSteps, innerEpochs, nonMembers);
        }
    }
}
