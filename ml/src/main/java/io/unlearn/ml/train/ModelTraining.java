package io.unlearn.ml.train;

import io.unlearn.ml.ProgressEvent;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.model.TrainingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Supervised training with cross-entropy and Adam, following a {@link TrainingSpec}. Deterministic:
 * the same spec, data and thread count give the same parameter sha256 (initialisation and batch
 * order are seeded from {@code spec.seed()}).
 */
public final class ModelTraining {

    private ModelTraining() {
    }

    /**
     * Builds a fresh model from {@code spec} and trains it on {@code data} with {@code spec.training()}.
     *
     * @param spec architecture and recipe
     * @param data the training samples
     * @param device where to train
     * @param listener receives one event per epoch
     * @return the trained model (close it) and its report
     */
    public static Trained trainNew(ModelSpec spec, DataView data, ai.djl.Device device, ProgressListener listener) {
        Classifier model = Classifier.create(spec, device);
        try {
            TrainReport report = fit(model, data, spec.training(), "train", listener);
            return new Trained(model, report);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Trains an existing model in place.
     *
     * @param model the model to update
     * @param data the training samples
     * @param recipe epochs, batch size, learning rate, schedule, seed
     * @param stage name for progress events and errors
     * @param listener receives one event per epoch
     * @return what happened
     */
    public static TrainReport fit(Classifier model, DataView data, TrainingSpec recipe, String stage,
            ProgressListener listener) {
        if (data.isEmpty()) {
            throw new UnlearnException(stage + ": no training samples; pass a non-empty view");
        }
        BatchOrder order = new BatchOrder(recipe.seed());
        int steps = recipe.epochs() * BatchOrder.batches(data.size(), recipe.batchSize());
        List<EpochStats> epochs = new ArrayList<>();
        long start = System.nanoTime();
        try (TrainSession session = TrainSession.open(model, stage, recipe.learningRate(),
                "cosine".equals(recipe.schedule()), recipe.weightDecay(), steps);
                ResidentEpochs loop = new ResidentEpochs(model.model().getNDManager(), data)) {
            for (int epoch = 1; epoch <= recipe.epochs(); epoch++) {
                long t0 = System.nanoTime();
                ResidentEpochs.Totals totals = loop.run(session, recipe.batchSize(), order, stage, epoch);
                double seconds = (System.nanoTime() - t0) / 1e9;
                EpochStats stats = new EpochStats(epoch, totals.meanLoss(), totals.accuracy(), seconds,
                        data.size() / seconds);
                epochs.add(stats);
                listener.onProgress(new ProgressEvent(stage, epoch, recipe.epochs(), Map.of("loss", totals.meanLoss(),
                        "trainAccuracy", stats.trainAccuracy(), "seconds", seconds,
                        "samplesPerSecond", stats.samplesPerSecond())));
            }
        }
        return new TrainReport(epochs, (System.nanoTime() - start) / 1e9, model.sha256());
    }

    /**
     * A freshly trained model and its report.
     *
     * @param model the model (close it)
     * @param report what training did
     */
    public record Trained(Classifier model, TrainReport report) implements AutoCloseable {
        /** Closes the model. */
        @Override
        public void close() {
            model.close();
        }
    }
}
