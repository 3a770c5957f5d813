package io.unlearn.ml.data;

import ai.djl.ndarray.types.Shape;
import io.unlearn.ml.UnlearnException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SampleSource} held in flat arrays: features row-major, {@code size × sampleShape.size()}
 * floats. Immutable after construction; the arrays are owned by this object (not copied).
 */
public final class InMemorySamples implements SampleSource {

    private final String name;
    private final Split split;
    private final Shape sampleShape;
    private final int width;
    private final List<String> classNames;
    private final String[] ids;
    private final String[] subjects;
    private final int[] labels;
    private final float[] features;
    private final Map<String, Integer> rowById;

    /**
     * Creates a source and checks that the arrays agree.
     *
     * @param name dataset name
     * @param split the split
     * @param sampleShape shape of one sample's features
     * @param classNames names of the classes
     * @param ids one unique id per sample
     * @param subjects one subject id per sample
     * @param labels one label per sample, each in {@code [0, classNames.size())}
     * @param features {@code ids.length × sampleShape.size()} floats, row-major
     * @throws UnlearnException when lengths disagree, ids repeat or a label is out of range
     */
    public InMemorySamples(String name, Split split, Shape sampleShape, List<String> classNames,
            String[] ids, String[] subjects, int[] labels, float[] features) {
        this.name = name;
        this.split = split;
        this.sampleShape = sampleShape;
        this.width = Math.toIntExact(sampleShape.size());
        this.classNames = List.copyOf(classNames);
        this.ids = ids;
        this.subjects = subjects;
        this.labels = labels;
        this.features = features;
        int n = ids.length;
        if (subjects.length != n || labels.length != n || (long) n * width != features.length) {
            throw new UnlearnException(String.format("dataset %s/%s is inconsistent: %d ids, %d subjects,"
                    + " %d labels, %d feature values for sample shape %s; every sample needs one of each",
                    name, split.idSegment(), n, subjects.length, labels.length, features.length, sampleShape));
        }
        this.rowById = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new UnlearnException("sample " + ids[i] + " has label " + labels[i] + " outside [0, "
                        + classNames.size() + "): fix the label or declare more classes");
            }
            if (rowById.put(ids[i], i) != null) {
                throw new UnlearnException("sample id " + ids[i] + " appears twice in " + name
                        + "; sample ids must be unique");
            }
        }
    }

    @Override public String name() { return name; }
    @Override public Split split() { return split; }
    @Override public int size() { return ids.length; }
    @Override public Shape sampleShape() { return sampleShape; }
    @Override public int numClasses() { return classNames.size(); }
    @Override public List<String> classNames() { return classNames; }
    @Override public String id(int row) { return ids[row]; }
    @Override public String subject(int row) { return subjects[row]; }
    @Override public int label(int row) { return labels[row]; }

    @Override
    public void copyFeatures(int row, float[] dst, int offset) {
        System.arraycopy(features, row * width, dst, offset, width);
    }

    @Override
    public int rowOf(String id) {
        Integer row = rowById.get(id);
        return row == null ? -1 : row;
    }
}
