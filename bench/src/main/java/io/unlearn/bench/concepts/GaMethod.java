package io.unlearn.bench.concepts;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.suppression.InferenceModel;
import io.unlearn.ml.unlearn.UnlearningMethods;
import io.unlearn.ml.unlearn.UnlearningResult;
import io.unlearn.ml.unlearn.UnlearningTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The weight-update baseline: the {@code ga} method of {@link UnlearningMethods} (gradient ascent, its default
 * epochs and batch size) on every training sample of the concept's classes; the learning rate is picked on the
 * calibration half with the same rule as the SAE's strength.
 */
final class GaMethod {

    /** The unlearned model (close it) and the chosen learning rate. */
    record Built(Classifier model, String choice, double calibrationConceptAcc, double calibrationOtherAcc,
            double seconds) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
        }
    }

    private GaMethod() {
    }

    static Built build(Classifier original, UnlearnDataset data, ConceptCase c, DataView calibration,
            List<Double> learningRates, double maxOtherDrop, long seed, ProgressListener listener) {
        long t0 = System.nanoTime();
        List<String> forget = new ArrayList<>();
        c.classes().forEach(label -> forget.addAll(data.classIds(label)));
        int[] predictedBase = InferenceModel.of(original).predict(calibration);
        double baseOther = accuracies(predictedBase, calibration, c)[1];
        Built best = null;
        for (double lr : learningRates) {
            UnlearningTask task = UnlearningTask.builder().setModel(original).setDataset(data).setForgetIds(forget)
                    .optHyperparameters(Map.of("lr", lr)).optSeed(seed).build();
            UnlearningResult r = UnlearningMethods.byName("ga").unlearn(task, listener);
            double[] acc = accuracies(InferenceModel.of(r.model()).predict(calibration), calibration, c);
            Built candidate = new Built(r.model(), "lr=" + lr, acc[0], acc[1], 0);
            if (best == null || better(candidate, best, baseOther, maxOtherDrop)) {
                if (best != null) {
                    best.model().close();
                }
                best = candidate;
            } else {
                r.close();
            }
        }
        return new Built(best.model(), best.choice(), best.calibrationConceptAcc(), best.calibrationOtherAcc(),
                (System.nanoTime() - t0) / 1e9);
    }

    private static boolean better(Built a, Built b, double baseOther, double maxDrop) {
        boolean aOk = a.calibrationOtherAcc() >= baseOther - maxDrop;
        boolean bOk = b.calibrationOtherAcc() >= baseOther - maxDrop;
        if (aOk != bOk) {
            return aOk;
        }
        return aOk ? a.calibrationConceptAcc() < b.calibrationConceptAcc()
                : a.calibrationOtherAcc() > b.calibrationOtherAcc();
    }

    static double[] accuracies(int[] predicted, DataView view, ConceptCase c) {
        var classes = c.classes();
        int[] concept = IntStream.range(0, view.size()).filter(i -> classes.contains(view.label(i))).toArray();
        int[] other = IntStream.range(0, view.size()).filter(i -> !classes.contains(view.label(i))).toArray();
        double cAcc = IntStream.of(concept).filter(i -> classes.contains(predicted[i])).count() * 100.0
                / Math.max(1, concept.length);
        double oAcc = IntStream.of(other).filter(i -> predicted[i] == view.label(i)).count() * 100.0
                / Math.max(1, other.length);
        return new double[] {cAcc, oAcc};
    }
}
