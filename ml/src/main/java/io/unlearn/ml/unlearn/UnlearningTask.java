package io.unlearn.ml.unlearn;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.ForgetSplit;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The input of an unlearning run: the model, the dataset with the forget (and optionally retain) ids
 * resolved into views, hyperparameter overrides and the seed. Build with {@link #builder()}; bad input
 * (empty forget set, unknown ids, forget = everything, a model that does not fit the data) fails in
 * {@code build()} with a message naming the problem and the fix.
 */
public final class UnlearningTask {

    private final Classifier model;
    private final UnlearnDataset dataset;
    private final ForgetSplit split;
    private final Map<String, Number> overrides;
    private final long seed;

    private UnlearningTask(Builder b, ForgetSplit split) {
        this.model = b.model;
        this.dataset = b.dataset;
        this.split = split;
        this.overrides = Map.copyOf(b.overrides);
        this.seed = b.seed != null ? b.seed : b.model.spec().training().seed();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the model to unlearn from (never modified by the methods) */
    public Classifier model() { return model; }

    /** @return the dataset */
    public UnlearnDataset dataset() { return dataset; }

    /** @return forget, retain and test views */
    public ForgetSplit split() { return split; }

    /** @return hyperparameter overrides */
    public Map<String, Number> overrides() { return overrides; }

    /** @return the run's seed (default: the model's training seed) */
    public long seed() { return seed; }

    /** Builder: {@code set*} required, {@code opt*} optional, checked in {@link #build()}. */
    public static final class Builder {
        private Classifier model;
        private UnlearnDataset dataset;
        private Collection<String> forgetIds;
        private Collection<String> retainIds;
        private Map<String, ? extends Number> overrides = Map.of();
        private Long seed;

        /** @param v the model to unlearn from @return this */
        public Builder setModel(Classifier v) { model = v; return this; }
        /** @param v the dataset the model was trained on @return this */
        public Builder setDataset(UnlearnDataset v) { dataset = v; return this; }
        /** @param v ids of training samples to forget @return this */
        public Builder setForgetIds(Collection<String> v) { forgetIds = v; return this; }
        /** @param v ids to retain (default: every other training sample) @return this */
        public Builder optRetainIds(Collection<String> v) { retainIds = v; return this; }
        /** @param v hyperparameter overrides (default: none) @return this */
        public Builder optHyperparameters(Map<String, ? extends Number> v) { overrides = v; return this; }
        /** @param v seed (default: the model's training seed) @return this */
        public Builder optSeed(long v) { seed = v; return this; }

        /** @return the checked task with resolved views */
        public UnlearningTask build() {
            List<String> missing = new ArrayList<>();
            if (model == null) { missing.add("setModel(..)"); }
            if (dataset == null) { missing.add("setDataset(..)"); }
            if (forgetIds == null) { missing.add("setForgetIds(..)"); }
            if (overrides == null) { missing.add("optHyperparameters(non-null map)"); }
            if (!missing.isEmpty()) {
                throw new UnlearnException("UnlearningTask needs " + String.join(", ", missing));
            }
            long[] modelInput = model.spec().inputShapeArray();
            long[] dataInput = dataset.train().source().sampleShape().getShape();
            if (!Arrays.equals(modelInput, dataInput) || model.spec().numClasses() != dataset.numClasses()) {
                throw new UnlearnException("the model expects inputs " + Arrays.toString(modelInput) + " and "
                        + model.spec().numClasses() + " classes but " + dataset.name() + " has "
                        + Arrays.toString(dataInput) + " and " + dataset.numClasses() + "; pass the dataset the"
                        + " model was trained on");
            }
            return new UnlearningTask(this, dataset.split(forgetIds, retainIds));
        }
    }
}
