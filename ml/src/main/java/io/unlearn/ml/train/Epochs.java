package io.unlearn.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.unlearn.ml.data.DataView;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The mini-batch loop shared by training and the unlearning methods: one pass over a view in a
 * seeded random order, each batch's arrays in their own sub-manager so memory stays flat.
 */
public final class Epochs {

    private Epochs() {
    }

    /**
     * Runs one epoch.
     *
     * @param session the optimisation session
     * @param view the samples to pass over
     * @param batchSize samples per step
     * @param order the seeded order source
     * @param loss computes the scalar loss of a batch (called inside the gradient recording);
     *     arrays it creates belong to the batch's manager
     * @return mean loss over the batches
     */
    public static double run(TrainSession session, DataView view, int batchSize, BatchOrder order,
            BiFunction<NDManager, Batch, NDArray> loss) {
        return run(session, view, batchSize, order, loss, null);
    }

    /**
     * Runs one epoch, letting a hook edit the gradients before each update.
     *
     * @param session the optimisation session
     * @param view the samples to pass over
     * @param batchSize samples per step
     * @param order the seeded order source
     * @param loss computes the scalar loss of a batch
     * @param gradientHook edits gradients in place after backward, or null
     * @return mean loss over the batches
     */
    public static double run(TrainSession session, DataView view, int batchSize, BatchOrder order,
            BiFunction<NDManager, Batch, NDArray> loss, Consumer<Iterable<Pair<String, Parameter>>> gradientHook) {
        int[] perm = order.shuffled(view.size());
        double sum = 0;
        int batches = 0;
        for (int from = 0; from < perm.length; from += batchSize) {
            int to = Math.min(perm.length, from + batchSize);
            try (NDManager m = session.newManager()) {
                Batch batch = new Batch(view.features(m, perm, from, to), view.labels(m, perm, from, to),
                        Arrays.copyOfRange(perm, from, to));
                sum += session.step(() -> loss.apply(m, batch), gradientHook);
                batches++;
            }
        }
        return batches == 0 ? Double.NaN : sum / batches;
    }

    /**
     * Builds one batch of given positions (for methods that draw a second, paired batch).
     *
     * @param manager owner of the arrays
     * @param view the samples
     * @param positions view positions
     * @return the batch
     */
    public static Batch batch(NDManager manager, DataView view, int[] positions) {
        return new Batch(view.features(manager, positions, 0, positions.length),
                view.labels(manager, positions, 0, positions.length), positions);
    }
}
