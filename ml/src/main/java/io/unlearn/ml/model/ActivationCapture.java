package io.unlearn.ml.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import java.util.function.BiFunction;

/**
 * Runs a model over a view in chunks (one NDManager sub-scope each, so native memory stays at one chunk)
 * and keeps the activations of one layer on the heap.
 */
public final class ActivationCapture {

    /** Default samples per chunk. */
    public static final int DEFAULT_CHUNK = 1000;

    private ActivationCapture() {
    }

    /**
     * @param layer where to read
     * @param view the samples
     * @return {@code (view.size(), layer.width())} activations
     */
    public static Activations capture(ModelLayer layer, DataView view) {
        return capture(layer, view, DEFAULT_CHUNK);
    }

    /**
     * @param layer where to read
     * @param view the samples
     * @param chunk samples per forward pass, at least 1
     * @return {@code (view.size(), layer.width())} activations
     * @throws UnlearnException when the activations would not fit a Java array
     */
    public static Activations capture(ModelLayer layer, DataView view, int chunk) {
        return capture(layer.model(), layer.name(), layer.width(), view, chunk, layer::activations);
    }

    /**
     * Captures activations computed by any function of the inputs, e.g. a layer as an edited model computes it.
     *
     * @param model owner of the per-chunk managers (the model the function runs)
     * @param layer the name the activations are recorded under
     * @param width the flattened width of one sample's activations
     * @param view the samples
     * @param chunk samples per forward pass, at least 1
     * @param forward inputs {@code (B, inputShape...)} → activations {@code (B, width)}
     * @return {@code (view.size(), width)} activations
     * @throws UnlearnException when the activations would not fit a Java array
     */
    public static Activations capture(Classifier model, String layer, int width, DataView view, int chunk,
            BiFunction<NDManager, NDArray, NDArray> forward) {
        if (chunk < 1) {
            throw new UnlearnException("chunk must be at least 1, was " + chunk);
        }
        long total = (long) view.size() * width;
        if (total > Integer.MAX_VALUE - 8) {
            throw new UnlearnException("activations of " + view.size() + " samples × " + width + " values at layer "
                    + layer + " do not fit one array; capture a slice of the view or pick a narrower layer");
        }
        float[] values = new float[(int) total];
        int[] positions = view.positions();
        for (int from = 0; from < view.size(); from += chunk) {
            int to = Math.min(view.size(), from + chunk);
            try (NDManager m = model.newManager()) {
                float[] part = forward.apply(m, view.features(m, positions, from, to)).toFloatArray();
                if (part.length != (to - from) * width) {
                    throw new UnlearnException("layer " + layer + " gave " + part.length + " values for " + (to - from)
                            + " samples, expected width " + width + " each; pass the width the function returns");
                }
                System.arraycopy(part, 0, values, from * width, part.length);
            }
        }
        return new Activations(layer, view, width, values);
    }
}
