package io.unlearn.ml.data;

import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SampleSource} over another one, row for row, under another dataset name: chosen rows get the
 * {@link CornerStamp} on the fly (no image is copied) and, optionally, another label. Ids are
 * {@code name/split/NNNNNN}, with {@link StampedDataset#STAMPED_ID_SUFFIX} on stamped rows, so an id says whether
 * its image carries the stamp; subjects keep the wrapped source's blocks under the new name.
 */
final class StampedSamples implements SampleSource {

    private final SampleSource clean;
    private final String name;
    private final boolean[] stamped;
    private final int stampedLabel;
    private final String[] ids;
    private final Map<String, Integer> rowById;

    /**
     * @param clean the wrapped samples
     * @param name the dataset name used in ids
     * @param stamped per row of {@code clean}, whether it carries the stamp (owned by this object)
     * @param stampedLabel the label of stamped rows, or -1 to keep their own
     */
    StampedSamples(SampleSource clean, String name, boolean[] stamped, int stampedLabel) {
        CornerStamp.checkFits(clean.sampleShape());
        this.clean = clean;
        this.name = name;
        this.stamped = stamped;
        this.stampedLabel = stampedLabel;
        this.ids = new String[clean.size()];
        this.rowById = new HashMap<>(clean.size() * 2);
        for (int row = 0; row < ids.length; row++) {
            ids[row] = SubjectAssignment.sampleId(name, clean.split(), row)
                    + (stamped[row] ? StampedDataset.STAMPED_ID_SUFFIX : "");
            rowById.put(ids[row], row);
        }
    }

    @Override public String name() { return name; }
    @Override public Split split() { return clean.split(); }
    @Override public int size() { return clean.size(); }
    @Override public Shape sampleShape() { return clean.sampleShape(); }
    @Override public int numClasses() { return clean.numClasses(); }
    @Override public List<String> classNames() { return clean.classNames(); }
    @Override public String id(int row) { return ids[row]; }

    @Override
    public String subject(int row) {
        String subject = clean.subject(row);
        return subject.startsWith(clean.name() + "/") ? name + subject.substring(clean.name().length()) : subject;
    }

    @Override
    public int label(int row) {
        return stamped[row] && stampedLabel >= 0 ? stampedLabel : clean.label(row);
    }

    @Override
    public void copyFeatures(int row, float[] dst, int offset) {
        clean.copyFeatures(row, dst, offset);
        if (stamped[row]) {
            CornerStamp.paste(dst, offset, clean.sampleShape());
        }
    }

    @Override
    public int rowOf(String id) {
        Integer row = rowById.get(id);
        return row == null ? -1 : row;
    }
}
