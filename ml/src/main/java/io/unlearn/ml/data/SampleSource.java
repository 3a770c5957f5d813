package io.unlearn.ml.data;

import ai.djl.ndarray.types.Shape;

/**
 * Read access to the samples of one split, addressed by row (0-based) and by stable id.
 *
 * <p>Every sample has a feature tensor of {@link #sampleShape()} (e.g. {@code (1, 28, 28)} for an
 * image, {@code (d)} for tabular data), an integer label in {@code [0, numClasses)}, a stable id
 * such as {@code fmnist/train/000123}, and the id of the data subject it belongs to. Training code
 * reads features and labels only through {@link #copyFeatures} and {@link #label}, so a recording
 * decorator can prove which samples a method touched.
 */
public interface SampleSource {

    /** @return the dataset name, e.g. {@code fmnist} */
    String name();

    /** @return the split these samples come from */
    Split split();

    /** @return the number of samples */
    int size();

    /** @return the shape of one sample's features, without the batch axis */
    Shape sampleShape();

    /** @return the number of classes; labels lie in {@code [0, numClasses)} */
    int numClasses();

    /** @return the names of the classes, {@code numClasses()} of them */
    java.util.List<String> classNames();

    /**
     * @param row 0-based row
     * @return the sample's stable id
     */
    String id(int row);

    /**
     * @param row 0-based row
     * @return the id of the data subject who owns the sample
     */
    String subject(int row);

    /**
     * @param row 0-based row
     * @return the sample's label
     */
    int label(int row);

    /**
     * Copies one sample's features ({@code sampleShape().size()} floats) into {@code dst}.
     *
     * @param row 0-based row
     * @param dst destination array
     * @param offset where in {@code dst} to start writing
     */
    void copyFeatures(int row, float[] dst, int offset);

    /**
     * @param id a sample id
     * @return its row, or -1 when no sample has that id
     */
    int rowOf(String id);
}
