package io.unlearn.ml.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.unlearn.ml.data.DataView;

/**
 * Activations of one layer over a view, kept on the Java heap ({@code size × width × 4} bytes), row i
 * belonging to view position i.
 *
 * @param layer the layer name
 * @param view the samples, in row order
 * @param width activation width {@code d}
 * @param values row-major {@code (size, d)} values
 */
public record Activations(String layer, DataView view, int width, float[] values) {

    /** @return the number of rows */
    public int size() {
        return view.size();
    }

    /**
     * @param manager owner of the result (a per-chunk sub-manager)
     * @param rows row numbers
     * @param from first index into {@code rows}, inclusive
     * @param to last index into {@code rows}, exclusive
     * @return {@code (to − from, d)}
     */
    public NDArray rows(NDManager manager, int[] rows, int from, int to) {
        float[] buf = new float[(to - from) * width];
        for (int i = from; i < to; i++) {
            System.arraycopy(values, rows[i] * width, buf, (i - from) * width, width);
        }
        return manager.create(buf, new Shape(to - from, width));
    }

    /**
     * @param manager owner of the result
     * @param from first row, inclusive
     * @param to last row, exclusive
     * @return rows {@code [from, to)} as {@code (to − from, d)}
     */
    public NDArray range(NDManager manager, int from, int to) {
        float[] buf = new float[(to - from) * width];
        System.arraycopy(values, from * width, buf, 0, buf.length);
        return manager.create(buf, new Shape(to - from, width));
    }

    /** @return the mean row, {@code d} values */
    public float[] mean() {
        double[] sum = new double[width];
        for (int i = 0; i < size(); i++) {
            for (int j = 0; j < width; j++) {
                sum[j] += values[i * width + j];
            }
        }
        float[] mean = new float[width];
        for (int j = 0; j < width; j++) {
            mean[j] = (float) (sum[j] / Math.max(1, size()));
        }
        return mean;
    }

    /** @return the total variance {@code mean ‖x − mean‖²} (the FVU denominator per row) */
    public double totalVariance() {
        float[] mean = mean();
        double sum = 0;
        for (int i = 0; i < size(); i++) {
            for (int j = 0; j < width; j++) {
                double c = values[i * width + j] - mean[j];
                sum += c * c;
            }
        }
        return sum / Math.max(1, size());
    }
}
