package io.unlearn.ml.model;

import io.unlearn.ml.UnlearnException;
import java.util.ArrayList;
import java.util.List;

/**
 * Architecture and training recipe of a model: enough to rebuild it from scratch (Retrain) and to
 * load its parameters. Recorded with every checkpoint as JSON.
 *
 * @param architecture the network family
 * @param inputShape one sample's shape, e.g. {@code [1, 28, 28]}
 * @param numClasses number of output classes
 * @param hidden MLP: hidden layer widths; CNN: {@code [conv1 filters, conv2 filters, fc width]}
 * @param training the training recipe
 */
public record ModelSpec(Architecture architecture, List<Long> inputShape, int numClasses, List<Integer> hidden,
        TrainingSpec training) {

    /** Checks the fields, naming the bad value. */
    public ModelSpec {
        List<String> problems = new ArrayList<>();
        if (architecture == null) { problems.add("architecture is missing (MLP or CNN)"); }
        if (inputShape == null || inputShape.isEmpty() || inputShape.stream().anyMatch(d -> d < 1)) {
            problems.add("inputShape must list positive dimensions, was " + inputShape);
        }
        if (numClasses < 2) { problems.add("numClasses must be at least 2, was " + numClasses); }
        if (hidden == null || hidden.stream().anyMatch(h -> h < 1)) {
            problems.add("hidden sizes must be positive, was " + hidden);
        }
        if (architecture == Architecture.CNN && hidden != null && hidden.size() != 3) {
            problems.add("a CNN needs hidden = [conv1 filters, conv2 filters, fc width], was " + hidden);
        }
        if (architecture == Architecture.CNN && inputShape != null && inputShape.size() != 3) {
            problems.add("a CNN needs inputShape = [channels, height, width], was " + inputShape);
        }
        if (training == null) { problems.add("training spec is missing"); }
        if (!problems.isEmpty()) {
            throw new UnlearnException("bad model spec: " + String.join("; ", problems));
        }
        inputShape = List.copyOf(inputShape);
        hidden = List.copyOf(hidden);
    }

    /**
     * The MLP of the notes: flatten → 256 → ReLU → classes.
     *
     * @param inputShape one sample's shape
     * @param numClasses number of classes
     * @param training the recipe
     * @return the spec
     */
    public static ModelSpec mlp(List<Long> inputShape, int numClasses, TrainingSpec training) {
        return new ModelSpec(Architecture.MLP, inputShape, numClasses, List.of(256), training);
    }

    /**
     * The small CNN of the notes: conv16 → pool → conv32 → pool → fc128 → classes.
     *
     * @param inputShape one sample's shape {@code [channels, height, width]}
     * @param numClasses number of classes
     * @param training the recipe
     * @return the spec
     */
    public static ModelSpec cnn(List<Long> inputShape, int numClasses, TrainingSpec training) {
        return new ModelSpec(Architecture.CNN, inputShape, numClasses, List.of(16, 32, 128), training);
    }

    /**
     * @param newTraining the recipe to use instead
     * @return this spec with another training recipe
     */
    public ModelSpec withTraining(TrainingSpec newTraining) {
        return new ModelSpec(architecture, inputShape, numClasses, hidden, newTraining);
    }

    /** @return the input shape as an array */
    public long[] inputShapeArray() {
        return inputShape.stream().mapToLong(Long::longValue).toArray();
    }

    /** @return the width of the encoder's output (where a sparse autoencoder is spliced in) */
    public int encoderWidth() {
        return hidden.get(hidden.size() - 1);
    }
}
