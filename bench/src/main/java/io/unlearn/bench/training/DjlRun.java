package io.unlearn.bench.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.train.EpochStats;
import io.unlearn.ml.train.ModelTraining;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's side of the comparison: a fresh model trained by {@link ModelTraining#trainNew} (the loop every
 * service uses), then inference over the same samples (held as one tensor) with gradients off, timed as often as
 * there were epochs.
 */
final class DjlRun {

    private DjlRun() {
    }

    /**
     * @param spec the model and its recipe (epochs = the epochs to time)
     * @param data the training samples
     * @param device where to compute
     * @param inferBatch samples per inference batch
     * @return per-epoch training and inference samples/s, the first epoch included
     */
    static TorchReference.Epochs run(ModelSpec spec, DataView data, Device device, int inferBatch) {
        try (ModelTraining.Trained trained = ModelTraining.trainNew(spec, data, device, ProgressListener.NONE)) {
            List<Double> train = trained.report().epochs().stream().map(EpochStats::samplesPerSecond).toList();
            List<Double> infer = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                infer.add(inferenceSamplesPerSecond(trained.model(), data, inferBatch));
            }
            return new TorchReference.Epochs(train, infer, "DJL");
        }
    }

    /** Inference over the samples held as one tensor (as the PyTorch reference holds them), in batches, gradients off. */
    private static double inferenceSamplesPerSecond(Classifier model, DataView data, int batch) {
        try (NDManager resident = model.newManager()) {
            NDArray all = data.features(resident, data.positions(), 0, data.size());
            long t0 = System.nanoTime();
            for (int from = 0; from < data.size(); from += batch) {
                try (NDManager m = resident.newSubManager()) {
                    NDArray x = all.get(new NDIndex(from + ":" + Math.min(data.size(), from + batch)));
                    x.attach(m);
                    model.logits(m, x).argMax(1).getLong(0);
                }
            }
            return data.size() / ((System.nanoTime() - t0) / 1e9);
        }
    }
}
