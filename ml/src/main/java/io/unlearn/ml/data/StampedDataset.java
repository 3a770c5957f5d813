package io.unlearn.ml.data;

import io.unlearn.ml.UnlearnException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * An image dataset with a backdoor: a {@link Backdoor}'s share of the non-target training images carry the
 * {@link CornerStamp} and the target label (ids end in {@value #STAMPED_ID_SUFFIX}, e.g.
 * {@code fmnist-stamped/train/000042-stamped}); the test split is offered clean ({@code dataset().test()}) and, for
 * measurement, stamped ({@link #patternViews}: every non-target test image with the stamp, true labels kept). The
 * stamped training ids are the examples of the pattern concept a removal request names. Built on the fly over the
 * clean samples (nothing is copied); the same clean dataset and backdoor give the same ids, labels and pixels.
 */
public final class StampedDataset {

    /** Ends the id of every stamped sample. */
    public static final String STAMPED_ID_SUFFIX = "-stamped";

    private final UnlearnDataset dataset;
    private final StampedSamples stampedTest;
    private final Backdoor backdoor;

    private StampedDataset(UnlearnDataset dataset, StampedSamples stampedTest, Backdoor backdoor) {
        this.dataset = dataset;
        this.stampedTest = stampedTest;
        this.backdoor = backdoor;
    }

    /**
     * @param clean an image dataset, e.g. Fashion-MNIST; the stamp is drawn among its training view
     * @param backdoor the target class, share and seed
     * @return the stamped dataset, named {@code <clean name>-stamped}
     * @throws UnlearnException when the samples are no images or the target class does not exist
     */
    public static StampedDataset of(UnlearnDataset clean, Backdoor backdoor) {
        if (backdoor.targetClass() >= clean.numClasses()) {
            throw new UnlearnException("backdoor target class " + backdoor.targetClass() + " outside [0, "
                    + clean.numClasses() + ") of " + clean.name() + "; pick one of its classes");
        }
        String name = clean.name() + "-stamped";
        DataView train = clean.train();
        int[] candidates = IntStream.range(0, train.size()).filter(p -> train.label(p) != backdoor.targetClass())
                .toArray();
        Random random = new Random(backdoor.seed());
        for (int i = candidates.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = t;
        }
        int count = Math.max(1, (int) Math.round(backdoor.fraction() * candidates.length));
        boolean[] stampedRows = new boolean[train.source().size()];
        for (int i = 0; i < count; i++) {
            stampedRows[train.row(candidates[i])] = true;
        }
        DataView test = clean.test();
        StampedSamples trainSource = new StampedSamples(train.source(), name, stampedRows, backdoor.targetClass());
        StampedSamples testSource = new StampedSamples(test.source(), name, new boolean[test.source().size()], -1);
        boolean[] everyTestRow = new boolean[test.source().size()];
        java.util.Arrays.fill(everyTestRow, true);
        return new StampedDataset(new UnlearnDataset(rebased(train, trainSource), rebased(test, testSource)),
                new StampedSamples(test.source(), name, everyTestRow, -1), backdoor);
    }

    private static DataView rebased(DataView view, SampleSource source) {
        return DataView.of(source, IntStream.range(0, view.size()).map(view::row).toArray());
    }

    /** @return the dataset to train and unlearn on: stamped training images relabelled, the clean test split */
    public UnlearnDataset dataset() { return dataset; }

    /** @return the backdoor it was built with */
    public Backdoor backdoor() { return backdoor; }

    /** @return the target class of the backdoor */
    public int targetClass() { return backdoor.targetClass(); }

    /** @return the ids of the stamped training samples in the training view, in training order */
    public Set<String> stampedTrainIds() {
        Set<String> out = new LinkedHashSet<>();
        DataView train = dataset.train();
        IntStream.range(0, train.size()).filter(p -> isStamped(train.id(p))).forEach(p -> out.add(train.id(p)));
        return Collections.unmodifiableSet(out);
    }

    /** @return the non-target test images, stamped and clean ({@code patternViews(dataset().test())}) */
    public PatternViews stampedTest() {
        return patternViews(dataset.test());
    }

    /**
     * @param testView a view of this dataset's clean test split, e.g. a calibration or report half
     * @return its non-target samples, stamped and clean, in view order
     * @throws UnlearnException when the view is not of this dataset's test split
     */
    public PatternViews patternViews(DataView testView) {
        if (testView.source() != dataset.test().source()) {
            throw new UnlearnException("pattern views need a view of " + dataset.name() + "'s test split, got "
                    + testView + "; slice dataset().test()");
        }
        int[] rows = IntStream.range(0, testView.size()).filter(p -> testView.label(p) != targetClass())
                .map(testView::row).toArray();
        return new PatternViews(DataView.of(stampedTest, rows), DataView.of(testView.source(), rows));
    }

    /**
     * @param trainCount training samples to keep
     * @param testCount test samples to keep
     * @return the first samples of both splits, as {@link UnlearnDataset#head}; the stamped ones keep their stamp
     */
    public StampedDataset head(int trainCount, int testCount) {
        return new StampedDataset(dataset.head(trainCount, testCount), stampedTest, backdoor);
    }

    /**
     * @param limit training samples to keep; 0 keeps everything
     * @return the slice every service of a cluster agrees on, as {@link UnlearnDataset#limitedTo}
     */
    public StampedDataset limitedTo(int limit) {
        UnlearnDataset limited = dataset.limitedTo(limit);
        return limited == dataset ? this : new StampedDataset(limited, stampedTest, backdoor);
    }

    /**
     * @param sampleId any sample id
     * @return whether it names a stamped image
     */
    public static boolean isStamped(String sampleId) {
        return sampleId.endsWith(STAMPED_ID_SUFFIX);
    }
}
