package io.unlearn.ml.model;

import ai.djl.ndarray.NDManager;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;

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
        if (chunk < 1) {
            throw new UnlearnException("chunk must be at least 1, was " + chunk);
        }
        int d = layer.width();
        long total = (long) view.size() * d;
        if (total > Integer.MAX_VALUE - 8) {
            throw new UnlearnException("activations of " + view.size() + " samples × " + d + " values at layer "
                    + layer.name() + " do not fit one array; capture a slice of the view or pick a narrower layer");
        }
        float[] values = new float[(int) total];
        int[] positions = view.positions();
        for (int from = 0; from < view.size(); from += chunk) {
            int to = Math.min(view.size(), from + chunk);
            try (NDManager m = layer.model().newManager()) {
                float[] part = layer.activations(m, view.features(m, positions, from, to)).toFloatArray();
                System.arraycopy(part, 0, values, from * d, part.length);
            }
        }
        return new Activations(layer.name(), view, d, values);
    }
}
