package io.unlearn.ml.data;

import io.unlearn.ml.UnlearnException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A labelled dataset with a training view and a test view, and the operations unlearning needs:
 * resolving forget ids into forget / retain / test views (validated), and choosing forget sets
 * (random fraction, whole class, subject). Views share the sample data; nothing is copied. Forget and
 * retain views are always in training order, whatever order the ids came in, so a run depends only on
 * the sets.
 */
public final class UnlearnDataset {

    private final DataView train;
    private final DataView test;
    private final int[] trainPositionBySourceRow;

    /**
     * @param train the training samples (forget and retain sets are drawn from here)
     * @param test the held-out samples
     */
    public UnlearnDataset(DataView train, DataView test) {
        if (train.source().numClasses() != test.source().numClasses()
                || !train.source().sampleShape().equals(test.source().sampleShape())) {
            throw new UnlearnException("train and test of " + train.source().name() + " disagree on classes or"
                    + " sample shape; load both splits from the same dataset");
        }
        this.train = train;
        this.test = test;
        this.trainPositionBySourceRow = new int[train.source().size()];
        Arrays.fill(trainPositionBySourceRow, -1);
        for (int i = 0; i < train.size(); i++) {
            trainPositionBySourceRow[train.row(i)] = i;
        }
    }

    /** @return the dataset name */
    public String name() { return train.source().name(); }

    /** @return the training view */
    public DataView train() { return train; }

    /** @return the test view */
    public DataView test() { return test; }

    /** @return the number of classes */
    public int numClasses() { return train.source().numClasses(); }

    /** @return how many training samples each class has, indexed by label */
    public int[] trainCountsByClass() {
        int[] counts = new int[numClasses()];
        for (int i = 0; i < train.size(); i++) {
            counts[train.label(i)]++;
        }
        return counts;
    }

    /**
     * A smaller dataset of the first {@code trainCount} training and {@code testCount} test samples
     * (for tests and quick runs; Fashion-MNIST's order is already class-mixed).
     *
     * @param trainCount training samples to keep
     * @param testCount test samples to keep
     * @return the smaller dataset, sharing the data
     */
    public UnlearnDataset head(int trainCount, int testCount) {
        return new UnlearnDataset(train.slice(0, Math.min(trainCount, train.size())),
                test.slice(0, Math.min(testCount, test.size())));
    }

    /**
     * The data slice every service of one cluster must agree on ({@code dataset.limit}): the first {@code limit}
     * training samples and the first {@code max(500, limit / 6)} test samples (Fashion-MNIST's 6 : 1 ratio, and
     * never fewer than 500 test samples so accuracies keep a usable resolution). A worker and an evaluator with the
     * same limit therefore see the same sample ids.
     *
     * @param limit training samples to keep; 0 keeps everything
     * @return this dataset when {@code limit} is 0, else the slice
     */
    public UnlearnDataset limitedTo(int limit) {
        if (limit < 0) {
            throw new UnlearnException("dataset limit " + limit + " is negative; pass 0 for the whole dataset or a sample count");
        }
        return limit == 0 ? this : head(limit, Math.max(500, limit / 6));
    }

    /**
     * Resolves a forget set; the retain set is every other training sample.
     *
     * @param forgetIds ids of training samples to forget
     * @return the views
     * @throws UnlearnException when the set is empty, holds unknown ids, or covers every sample
     */
    public ForgetSplit split(Collection<String> forgetIds) {
        return split(forgetIds, null);
    }

    /**
     * Resolves a forget set and an explicit retain set.
     *
     * @param forgetIds ids of training samples to forget
     * @param retainIds ids of training samples to keep, or null for "every other training sample"
     * @return the views
     * @throws UnlearnException when a set is empty, holds unknown ids, or the two overlap
     */
    public ForgetSplit split(Collection<String> forgetIds, Collection<String> retainIds) {
        Set<String> forget = new LinkedHashSet<>(forgetIds);
        if (forget.isEmpty()) {
            throw new UnlearnException("forget set is empty: nothing to unlearn; pass at least one sample id of "
                    + name() + "/train (e.g. " + train.id(0) + ")");
        }
        int[] forgetPos = positionsOf(forget, "forget");
        Arrays.sort(forgetPos); // canonical training order: the same set in any order gives the same run
        boolean[] inForget = new boolean[train.size()];
        for (int p : forgetPos) {
            inForget[p] = true;
        }
        int[] retainPos;
        if (retainIds == null) {
            retainPos = java.util.stream.IntStream.range(0, train.size()).filter(p -> !inForget[p]).toArray();
            if (retainPos.length == 0) {
                throw new UnlearnException("the forget set covers all " + train.size() + " training samples of "
                        + name() + ": nothing is left to retain or retrain on; forget fewer samples or retire"
                        + " the model instead");
            }
        } else {
            Set<String> retain = new LinkedHashSet<>(retainIds);
            if (retain.isEmpty()) {
                throw new UnlearnException("retain set is empty: unlearning needs samples to keep; pass null to"
                        + " retain every training sample outside the forget set");
            }
            retainPos = positionsOf(retain, "retain");
            Arrays.sort(retainPos);
            List<String> overlap = Arrays.stream(retainPos).filter(p -> inForget[p]).limit(3)
                    .mapToObj(train::id).collect(Collectors.toList());
            if (!overlap.isEmpty()) {
                throw new UnlearnException("retain and forget sets overlap, e.g. " + overlap
                        + ": a sample cannot be both kept and forgotten; remove them from the retain set");
            }
        }
        DataView forgetView = rowsView(forgetPos);
        return new ForgetSplit(forgetView, rowsView(retainPos), test, new LinkedHashSet<>(forgetView.ids()));
    }

    private int[] positionsOf(Set<String> ids, String role) {
        int[] out = new int[ids.size()];
        List<String> unknown = new ArrayList<>();
        int n = 0;
        for (String id : ids) {
            int row = train.source().rowOf(id);
            int pos = row < 0 ? -1 : trainPositionBySourceRow[row];
            if (pos < 0) {
                unknown.add(id);
            } else {
                out[n++] = pos;
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnlearnException(unknown.size() + " unknown sample id(s) in the " + role + " set, e.g. "
                    + unknown.subList(0, Math.min(3, unknown.size())) + ": they are not training samples of "
                    + name() + " (ids look like " + train.id(0) + "); remove them or load the dataset they"
                    + " belong to");
        }
        return out;
    }

    private DataView rowsView(int[] positions) {
        int[] rows = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            rows[i] = train.row(positions[i]);
        }
        return DataView.of(train.source(), rows);
    }

    /**
     * A uniformly random forget set.
     *
     * @param fraction share of training samples, in (0, 1)
     * @param seed random seed
     * @return the ids, in training order
     */
    public List<String> randomForgetIds(double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new UnlearnException("forget fraction must lie in (0, 1), was " + fraction);
        }
        int m = Math.max(1, (int) Math.round(fraction * train.size()));
        int[] perm = train.positions();
        Random random = new Random(seed);
        for (int i = perm.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] chosen = Arrays.copyOf(perm, m);
        Arrays.sort(chosen);
        return Arrays.stream(chosen).mapToObj(train::id).collect(Collectors.toList());
    }

    /**
     * All training samples of one class (class-wise forgetting).
     *
     * @param label the class
     * @return the ids, in training order
     */
    public List<String> classIds(int label) {
        if (label < 0 || label >= numClasses()) {
            throw new UnlearnException("class " + label + " outside [0, " + numClasses() + ") of " + name());
        }
        return java.util.stream.IntStream.range(0, train.size()).filter(p -> train.label(p) == label)
                .mapToObj(train::id).collect(Collectors.toList());
    }

    /**
     * All training samples owned by one data subject.
     *
     * @param subject subject id
     * @return the ids, in training order (empty when the subject owns nothing)
     */
    public List<String> subjectIds(String subject) {
        return java.util.stream.IntStream.range(0, train.size())
                .filter(p -> train.source().subject(train.row(p)).equals(subject))
                .mapToObj(train::id).collect(Collectors.toList());
    }
}
