package io.unlearn.ml.unlearn.internals;

import ai.djl.ndarray.types.Shape;
import io.unlearn.ml.data.SampleSource;
import io.unlearn.ml.data.Split;
import java.util.List;
import java.util.Map;

/** A source whose labels are replaced for some rows (RL's random labels); everything else delegates. */
final class RelabelledSamples implements SampleSource {

    private final SampleSource delegate;
    private final Map<Integer, Integer> labelByRow;

    RelabelledSamples(SampleSource delegate, Map<Integer, Integer> labelByRow) {
        this.delegate = delegate;
        this.labelByRow = Map.copyOf(labelByRow);
    }

    @Override public String name() { return delegate.name(); }
    @Override public Split split() { return delegate.split(); }
    @Override public int size() { return delegate.size(); }
    @Override public Shape sampleShape() { return delegate.sampleShape(); }
    @Override public int numClasses() { return delegate.numClasses(); }
    @Override public List<String> classNames() { return delegate.classNames(); }
    @Override public String id(int row) { return delegate.id(row); }
    @Override public String subject(int row) { return delegate.subject(row); }
    @Override public int rowOf(String id) { return delegate.rowOf(id); }

    @Override
    public int label(int row) {
        Integer l = labelByRow.get(row);
        return l != null ? l : delegate.label(row);
    }

    @Override
    public void copyFeatures(int row, float[] dst, int offset) {
        delegate.copyFeatures(row, dst, offset);
    }
}
