package io.unlearn.ml.suppression;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;

/**
 * The two disjoint halves of a dataset's test split that concept removal uses, defined once for everyone who calibrates or
 * judges a suppression (the worker, the evaluator, the concepts benchmark):
 * <ul>
 *   <li>{@link #calibration}: the first half, on which {@link SuppressionCalibration} chooses the strength (top-k, γ or clamp,
 *   error term);</li>
 *   <li>{@link #evaluation}: the second half, on which the chosen suppression is measured, judged and reported.</li>
 * </ul>
 * Why disjoint: calibration keeps the setting with the lowest concept accuracy on its samples, so on those very samples the
 * chosen setting looks better than it is (the minimum over a grid fits their noise). Measured on them, a suppression that
 * barely holds would pass the evaluator's threshold; measured on samples the choice never saw, the figure is an honest
 * estimate. Both halves follow the test split's order, so a worker and an evaluator on the same {@code dataset.limit} slice
 * see the same samples in each.
 */
public final class ConceptSplits {

    private ConceptSplits() {
    }

    /**
     * @param data the dataset whose test split is divided
     * @return the first half of the test split (positions {@code [0, n/2)}), where the suppression strength is chosen
     * @throws UnlearnException when the test split has fewer than two samples
     */
    public static DataView calibration(UnlearnDataset data) {
        DataView test = checked(data);
        return test.slice(0, test.size() / 2);
    }

    /**
     * @param data the dataset whose test split is divided
     * @return the second half of the test split (positions {@code [n/2, n)}), where the suppression is measured; it never
     *     overlaps {@link #calibration}
     * @throws UnlearnException when the test split has fewer than two samples
     */
    public static DataView evaluation(UnlearnDataset data) {
        DataView test = checked(data);
        return test.slice(test.size() / 2, test.size());
    }

    private static DataView checked(UnlearnDataset data) {
        DataView test = data.test();
        if (test.size() < 2) {
            throw new UnlearnException("the test split of " + data.name() + " has " + test.size() + " sample(s); concept removal"
                    + " calibrates on one half and is measured on the other, so it needs at least 2 (load more test samples)");
        }
        return test;
    }
}
