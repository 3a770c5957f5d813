package io.unlearn.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;

/**
 * The supervised training loop with the whole view resident as one tensor: each batch is gathered natively by index
 * (no per-step Java arrays or copies) and the loss sum and correct count stay on the device, read once per epoch.
 * Same batch order as {@link Epochs} (one {@link BatchOrder#shuffled} per epoch), so the same seed gives the same
 * parameters.
 */
final class ResidentEpochs implements AutoCloseable {

    private final NDManager manager;
    private final NDArray features;
    private final NDArray labels;
    private final int size;

    /**
     * @param parent the manager the resident copy lives under (a sub-manager is made and closed with this)
     * @param data the samples; their features and labels are copied once
     */
    ResidentEpochs(NDManager parent, DataView data) {
        this.manager = parent.newSubManager();
        int[] positions = data.positions();
        this.features = data.features(manager, positions, 0, data.size());
        this.labels = data.labels(manager, positions, 0, data.size());
        this.size = data.size();
    }

    /**
     * One epoch of cross-entropy training.
     *
     * @param session the optimisation session
     * @param batchSize samples per step
     * @param order the seeded order source
     * @param stage names the run in errors
     * @param epoch the 1-based epoch, for errors
     * @return mean batch loss and the share of samples the model classified correctly while it trained
     * @throws UnlearnException when the loss became NaN or infinite during the epoch
     */
    Totals run(TrainSession session, int batchSize, BatchOrder order, String stage, int epoch) {
        int[] perm = order.shuffled(size);
        long[] index = new long[size];
        for (int i = 0; i < size; i++) {
            index[i] = perm[i];
        }
        int batches = 0;
        try (NDManager epochManager = manager.newSubManager()) {
            NDArray order64 = epochManager.create(index);
            NDArray lossSum = epochManager.zeros(new Shape(), DataType.FLOAT32);
            NDArray correct = epochManager.zeros(new Shape(), DataType.INT64);
            for (int from = 0; from < size; from += batchSize) {
                int to = Math.min(size, from + batchSize);
                try (NDManager m = epochManager.newSubManager()) {
                    NDArray rows = order64.get(new NDIndex(from + ":" + to));
                    rows.attach(m);
                    NDArray x = features.get(rows);
                    x.attach(m);
                    NDArray y = labels.get(rows);
                    y.attach(m);
                    NDArray loss = session.stepUnread(() -> {
                        NDArray logits = session.forward(x);
                        correct.addi(logits.argMax(1).eq(y).sum());
                        return Losses.crossEntropy(logits, y);
                    });
                    lossSum.addi(loss);
                }
                batches++;
            }
            float meanLoss = lossSum.getFloat() / batches;
            if (!Float.isFinite(meanLoss)) {
                throw new UnlearnException(String.format("%s: loss became %s in epoch %d with learning rate %g;"
                        + " the model diverged and nothing was saved: lower the learning rate or the epochs,"
                        + " and check the inputs for NaN", stage, meanLoss, epoch, session.learningRate()));
            }
            return new Totals(meanLoss, (double) correct.getLong() / size);
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    /**
     * @param meanLoss mean mini-batch loss
     * @param accuracy share of samples classified correctly during the epoch
     */
    record Totals(double meanLoss, double accuracy) {
    }
}
