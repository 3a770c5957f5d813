package io.unlearn.ml.suppression;

import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.sae.SparseAutoencoder;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A concept's accuracy recomputed from the artifacts alone, for tests that check what a service reported or chose: the
 * evaluation split's samples of the concept's classes ({@link ConceptSplits#evaluation}), and the share of them the model
 * predicts as one of those classes, without and with the suppression configs applied. Deliberately plain (no
 * {@link SuppressionEvaluation}, no attack), so that it shares no code with what it checks beyond the model itself.
 */
public final class ConceptAccuracy {

    /**
     * @param before percent of the concept's samples predicted as one of its classes by the plain model
     * @param after the same with every config applied
     * @param samples how many of the split's samples belong to the concept
     * @param otherBefore accuracy (percent) on the split's other samples, plain model
     * @param otherAfter the same with every config applied
     */
    public record Measured(double before, double after, int samples, double otherBefore, double otherAfter) {
    }

    private ConceptAccuracy() {
    }

    /**
     * @param model the model version the configs were built for
     * @param configs the suppressions in force (all applied at once, as a registry serves the version)
     * @param saes the SAEs the configs name
     * @param data the dataset slice the version was built and judged on
     * @param labels the concept's class names
     * @return the concept's accuracy on the evaluation split, before and after
     */
    public static Measured onEvaluationSplit(Classifier model, List<SuppressionConfig> configs, List<SparseAutoencoder> saes,
            UnlearnDataset data, List<String> labels) {
        return on(ConceptSplits.evaluation(data), model, configs, saes, labels);
    }

    /**
     * @param split the samples to count on (e.g. {@link ConceptSplits#calibration}, to check what a calibration saw)
     * @param model the model version the configs were built for
     * @param configs the suppressions in force
     * @param saes the SAEs the configs name
     * @param labels the concept's class names
     * @return the concept's accuracy on {@code split}, before and after
     */
    public static Measured on(DataView split, Classifier model, List<SuppressionConfig> configs, List<SparseAutoencoder> saes,
            List<String> labels) {
        List<String> names = split.source().classNames();
        Set<Integer> classes = Set.copyOf(labels.stream().map(names::indexOf).toList());
        DataView concept = DataView.of(split.source(),
                IntStream.range(0, split.size()).filter(i -> classes.contains(split.label(i))).map(split::row).toArray());
        DataView other = DataView.of(split.source(),
                IntStream.range(0, split.size()).filter(i -> !classes.contains(split.label(i))).map(split::row).toArray());
        InferenceModel plain = InferenceModel.of(model);
        try (SuppressedModel suppressed = SuppressedModel.of(model, configs, saes)) {
            return new Measured(share(plain.predict(concept), classes), share(suppressed.predict(concept), classes), concept.size(),
                    accuracy(plain.predict(other), other), accuracy(suppressed.predict(other), other));
        }
    }

    private static double accuracy(int[] predicted, DataView view) {
        return 100.0 * IntStream.range(0, predicted.length).filter(i -> predicted[i] == view.label(i)).count() / Math.max(1, predicted.length);
    }

    private static double share(int[] predicted, Set<Integer> classes) {
        return 100.0 * Arrays.stream(predicted).filter(classes::contains).count() / Math.max(1, predicted.length);
    }
}
