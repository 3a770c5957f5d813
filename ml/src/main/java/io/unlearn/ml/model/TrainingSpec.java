package io.unlearn.ml.model;

import io.unlearn.ml.UnlearnException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a model is trained (Adam, mini-batches): the recipe recorded with every artifact and reused
 * by Retrain. Immutable; build with {@link #builder()}.
 *
 * @param epochs passes over the training set, at least 1
 * @param batchSize samples per step, at least 1
 * @param learningRate Adam's base learning rate, positive
 * @param schedule {@code constant} or {@code cosine} (decays to 0 over all steps)
 * @param weightDecay L2 weight decay, non-negative
 * @param seed seed of parameter initialisation and of the batch order
 */
public record TrainingSpec(int epochs, int batchSize, double learningRate, String schedule, double weightDecay,
        long seed) {

    /** Default epochs. */
    public static final int DEFAULT_EPOCHS = 10;
    /** Default batch size. */
    public static final int DEFAULT_BATCH_SIZE = 128;
    /** Default Adam learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;

    /** Checks every field, naming the bad value. */
    public TrainingSpec {
        List<String> problems = new ArrayList<>();
        if (epochs < 1) { problems.add("epochs must be at least 1, was " + epochs); }
        if (batchSize < 1) { problems.add("batchSize must be at least 1, was " + batchSize); }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            problems.add("learningRate must be a positive number, was " + learningRate);
        }
        if (!"constant".equals(schedule) && !"cosine".equals(schedule)) {
            problems.add("schedule must be 'constant' or 'cosine', was '" + schedule + "'");
        }
        if (!(weightDecay >= 0)) { problems.add("weightDecay must be >= 0, was " + weightDecay); }
        if (!problems.isEmpty()) {
            throw new UnlearnException("bad training spec: " + String.join("; ", problems));
        }
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from this spec */
    public Builder toBuilder() {
        return new Builder().optEpochs(epochs).optBatchSize(batchSize).optLearningRate(learningRate)
                .optSchedule(schedule).optWeightDecay(weightDecay).optSeed(seed);
    }

    /** Builder; every value is optional with the documented default. */
    public static final class Builder {
        private int epochs = DEFAULT_EPOCHS;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private double learningRate = DEFAULT_LEARNING_RATE;
        private String schedule = "constant";
        private double weightDecay;
        private long seed;

        /** @param v epochs @return this */
        public Builder optEpochs(int v) { epochs = v; return this; }
        /** @param v batch size @return this */
        public Builder optBatchSize(int v) { batchSize = v; return this; }
        /** @param v learning rate @return this */
        public Builder optLearningRate(double v) { learningRate = v; return this; }
        /** @param v constant or cosine @return this */
        public Builder optSchedule(String v) { schedule = v; return this; }
        /** @param v weight decay @return this */
        public Builder optWeightDecay(double v) { weightDecay = v; return this; }
        /** @param v seed @return this */
        public Builder optSeed(long v) { seed = v; return this; }

        /** @return the checked spec */
        public TrainingSpec build() {
            return new TrainingSpec(epochs, batchSize, learningRate, schedule, weightDecay, seed);
        }
    }
}
