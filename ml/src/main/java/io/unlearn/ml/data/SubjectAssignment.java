package io.unlearn.ml.data;

import io.unlearn.ml.UnlearnException;
import java.util.Locale;

/**
 * A deterministic synthetic owner for samples of public datasets, which have no real data subjects:
 * consecutive blocks of {@code samplesPerSubject} rows belong to one subject, e.g. with 60 per
 * subject rows 0..59 of {@code fmnist/train} belong to {@code fmnist/train/subject-00000}.
 * The same row always gets the same subject, so deletion requests can be replayed.
 */
public final class SubjectAssignment {

    /** Default block size: 60 samples per subject (1,000 subjects for Fashion-MNIST train). */
    public static final int DEFAULT_SAMPLES_PER_SUBJECT = 60;

    private final int samplesPerSubject;

    private SubjectAssignment(int samplesPerSubject) {
        if (samplesPerSubject < 1) {
            throw new UnlearnException("samplesPerSubject must be at least 1, was " + samplesPerSubject);
        }
        this.samplesPerSubject = samplesPerSubject;
    }

    /** @return the default assignment, 60 samples per subject */
    public static SubjectAssignment ofDefaults() {
        return new SubjectAssignment(DEFAULT_SAMPLES_PER_SUBJECT);
    }

    /**
     * @param samplesPerSubject block size, at least 1
     * @return an assignment with that block size
     */
    public static SubjectAssignment blocksOf(int samplesPerSubject) {
        return new SubjectAssignment(samplesPerSubject);
    }

    /**
     * @param dataset dataset name
     * @param split split
     * @param row 0-based row
     * @return the subject id owning that row
     */
    public String subjectOf(String dataset, Split split, int row) {
        return String.format(Locale.ROOT, "%s/%s/subject-%05d", dataset, split.idSegment(), row / samplesPerSubject);
    }

    /**
     * @param dataset dataset name
     * @param split split
     * @param count number of rows
     * @return the subject of every row
     */
    public String[] assign(String dataset, Split split, int count) {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = subjectOf(dataset, split, i);
        }
        return out;
    }

    /**
     * The stable id of a row: {@code dataset/split/NNNNNN}.
     *
     * @param dataset dataset name
     * @param split split
     * @param row 0-based row
     * @return the id
     */
    public static String sampleId(String dataset, Split split, int row) {
        return String.format(Locale.ROOT, "%s/%s/%06d", dataset, split.idSegment(), row);
    }
}
