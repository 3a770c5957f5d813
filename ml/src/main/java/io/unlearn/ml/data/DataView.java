package io.unlearn.ml.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * A subset of a {@link SampleSource}, given by row numbers: the forget, retain and test sets are
 * views, so no sample data is copied until a batch is built. Immutable.
 */
public final class DataView {

    private final SampleSource source;
    private final int[] rows;

    private DataView(SampleSource source, int[] rows) {
        this.source = source;
        this.rows = rows;
    }

    /**
     * @param source the samples
     * @return a view of every row, in order
     */
    public static DataView all(SampleSource source) {
        int[] rows = new int[source.size()];
        Arrays.setAll(rows, i -> i);
        return new DataView(source, rows);
    }

    /**
     * @param source the samples
     * @param rows the rows in view (copied), each in {@code [0, source.size())}
     * @return the view
     */
    public static DataView of(SampleSource source, int[] rows) {
        for (int r : rows) {
            if (r < 0 || r >= source.size()) {
                throw new IndexOutOfBoundsException("row " + r + " outside [0, " + source.size() + ")");
            }
        }
        return new DataView(source, rows.clone());
    }

    /** @return the underlying samples */
    public SampleSource source() { return source; }

    /** @return the number of samples in view */
    public int size() { return rows.length; }

    /** @return true when the view holds no sample */
    public boolean isEmpty() { return rows.length == 0; }

    /**
     * @param i position in the view
     * @return the source row at that position
     */
    public int row(int i) { return rows[i]; }

    /**
     * @param i position in the view
     * @return the sample id at that position
     */
    public String id(int i) { return source.id(rows[i]); }

    /**
     * @param i position in the view
     * @return the label at that position
     */
    public int label(int i) { return source.label(rows[i]); }

    /** @return the ids in view, in view order (a lazy list, not a copy) */
    public List<String> ids() {
        return new AbstractList<>() {
            @Override public String get(int i) { return id(i); }
            @Override public int size() { return rows.length; }
        };
    }

    /**
     * @param from first position, inclusive
     * @param to last position, exclusive
     * @return the view of positions {@code [from, to)}
     */
    public DataView slice(int from, int to) {
        return new DataView(source, Arrays.copyOfRange(rows, from, to));
    }

    /**
     * Builds the feature tensor of some positions.
     *
     * @param manager owner of the result (use a per-batch sub-manager)
     * @param positions view positions
     * @param from first index into {@code positions}, inclusive
     * @param to last index into {@code positions}, exclusive
     * @return float32 tensor of shape {@code (to - from, sampleShape...)}
     */
    public NDArray features(NDManager manager, int[] positions, int from, int to) {
        int width = Math.toIntExact(source.sampleShape().size());
        float[] buf = new float[(to - from) * width];
        for (int i = from; i < to; i++) {
            source.copyFeatures(rows[positions[i]], buf, (i - from) * width);
        }
        long[] dims = new long[source.sampleShape().dimension() + 1];
        dims[0] = to - from;
        System.arraycopy(source.sampleShape().getShape(), 0, dims, 1, dims.length - 1);
        return manager.create(buf, new Shape(dims));
    }

    /**
     * Builds the label tensor of some positions.
     *
     * @param manager owner of the result
     * @param positions view positions
     * @param from first index into {@code positions}, inclusive
     * @param to last index into {@code positions}, exclusive
     * @return int64 tensor of shape {@code (to - from)}
     */
    public NDArray labels(NDManager manager, int[] positions, int from, int to) {
        long[] buf = new long[to - from];
        for (int i = from; i < to; i++) {
            buf[i - from] = label(positions[i]);
        }
        return manager.create(buf);
    }

    /** @return the positions {@code 0..size-1} in order */
    public int[] positions() {
        int[] p = new int[rows.length];
        Arrays.setAll(p, i -> i);
        return p;
    }

    @Override
    public String toString() {
        return source.name() + "/" + source.split().idSegment() + " view of " + rows.length + " samples";
    }
}
