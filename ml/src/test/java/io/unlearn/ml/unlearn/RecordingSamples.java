package io.unlearn.ml.unlearn;

import ai.djl.ndarray.types.Shape;
import io.unlearn.ml.data.SampleSource;
import io.unlearn.ml.data.Split;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Records every sample whose features or label were read. */
final class RecordingSamples implements SampleSource {

    private final SampleSource delegate;
    final Set<String> read = ConcurrentHashMap.newKeySet();

    RecordingSamples(SampleSource delegate) {
        this.delegate = delegate;
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
        read.add(delegate.id(row));
        return delegate.label(row);
    }

    @Override
    public void copyFeatures(int row, float[] dst, int offset) {
        read.add(delegate.id(row));
        delegate.copyFeatures(row, dst, offset);
    }
}
