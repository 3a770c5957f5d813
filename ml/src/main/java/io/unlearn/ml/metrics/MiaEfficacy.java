package io.unlearn.ml.metrics;

import io.unlearn.ml.UnlearnException;
import smile.classification.SVM;
import smile.math.MathEx;
import smile.math.kernel.GaussianKernel;

/**
 * MIA-Efficacy as in the seed code ({@code evaluation/SVC_MIA.py}, "confidence" variant): an RBF SVM
 * (C = 3, gamma = "auto") is trained on one feature, the softmax probability of the true label, with
 * the first |test| retain samples as members and the test samples as non-members; the efficacy is the
 * share of forget samples it predicts non-member, in percent. Higher means the forget set looks
 * more like unseen data.
 *
 * <p>Two deviations from the seed code, both for the solver Smile offers (LASVM, an online SVM, where
 * sklearn uses libsvm, which solves to convergence): (1) LASVM runs {@link #EPOCHS} passes, because with one
 * or two passes its answer still depended on the sample order (and once was a constant decision function) on
 * this heavily overlapping one-dimensional data, while five passes agreed across orders; should a fit still
 * come out constant (one class for every shadow sample), it is redone with the next seed, up to
 * {@link #RETRIES} times, and kept with a warning if it stays constant; (2) the shadow sets are capped at
 * {@code maxShadow} samples each (members: the first of the retain set; non-members: the first of the
 * test set), because LASVM's cost grows with the square of the samples when nearly all of them become
 * bounded support vectors (20,000 samples took ≈45 s per fit here, 4,000 about 1.5 s). Pass
 * {@link Integer#MAX_VALUE} to use all |test| samples as the seed code does.
 */
public final class MiaEfficacy {

    /** SVM box constraint, as in the seed code. */
    public static final double C = 3.0;

    /**
     * sklearn's gamma = "auto" is 1 / n_features; with one feature gamma = 1. sklearn's RBF kernel is
     * exp(-gamma ‖x − y‖²) while Smile's {@link GaussianKernel} is exp(-‖x − y‖² / (2 sigma²)), so the
     * same kernel needs sigma = sqrt(1 / (2 gamma)).
     */
    public static final double SIGMA = Math.sqrt(1.0 / (2.0 * 1.0));

    /** SVM convergence tolerance (sklearn's default 1e-3). */
    public static final double TOLERANCE = 1e-3;

    /** LASVM passes over the shadow set. */
    public static final int EPOCHS = 5;

    /** Refits with another sample order when a fit comes out constant. */
    public static final int RETRIES = 3;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MiaEfficacy.class);

    /** Default cap on each shadow set (members and non-members). */
    public static final int DEFAULT_MAX_SHADOW = 2000;

    private MiaEfficacy() {
    }

    /**
     * @param retain predictions on the retain set (members: its first |test| samples)
     * @param test predictions on the test set (non-members)
     * @param forget predictions on the forget set (scored)
     * @param seed seed of the SVM solver's sample order (Smile's LASVM shuffles)
     * @return the share of forget samples predicted non-member, in percent
     */
    public static double efficacy(Predictions retain, Predictions test, Predictions forget, long seed) {
        return efficacy(retain, test, forget, seed, DEFAULT_MAX_SHADOW);
    }

    /**
     * @param retain predictions on the retain set (members: its first samples)
     * @param test predictions on the test set (non-members: its first samples)
     * @param forget predictions on the forget set (scored)
     * @param seed seed of the SVM solver's sample order
     * @param maxShadow cap on each shadow set
     * @return the share of forget samples predicted non-member, in percent
     */
    public static double efficacy(Predictions retain, Predictions test, Predictions forget, long seed, int maxShadow) {
        return efficacy(attack(retain, test, seed, maxShadow), forget);
    }

    /**
     * @param attack a fitted attack
     * @param forget predictions on the forget set (scored)
     * @return the share of forget samples {@code attack} predicts non-member, in percent
     */
    public static double efficacy(Attack attack, Predictions forget) {
        if (forget.size() == 0) {
            throw new UnlearnException("MIA-Efficacy needs a non-empty forget set");
        }
        int nonMember = 0;
        for (float p : forget.trueLabelProbability()) {
            if (attack.svm().predict(new double[] {p}) < 0) {
                nonMember++;
            }
        }
        return 100.0 * nonMember / forget.size();
    }

    /**
     * Trains the attack: label +1 for members (the first retain samples), −1 for non-members (the first
     * test samples), as many of each as the smaller of |retain|, |test| and {@code maxShadow}.
     *
     * @param retain retain predictions
     * @param test test predictions
     * @param seed solver seed
     * @param maxShadow cap on each shadow set
     * @return the SVM
     */
    public static SVM<double[]> fit(Predictions retain, Predictions test, long seed, int maxShadow) {
        return attack(retain, test, seed, maxShadow).svm();
    }

    /**
     * The fitted attack and whether it came out constant (one class for every shadow sample): a constant attack
     * separates nothing, so a membership test must not count it as evidence.
     *
     * @param svm the fitted SVM (+1 = member)
     * @param constant whether it predicts one class for all its shadow samples after every retry
     */
    public record Attack(SVM<double[]> svm, boolean constant) {
    }

    /**
     * {@link #fit} and whether the fit is constant.
     *
     * @param retain retain predictions (members)
     * @param test held-out predictions (non-members)
     * @param seed solver seed
     * @param maxShadow cap on each shadow set
     * @return the attack
     */
    public static Attack attack(Predictions retain, Predictions test, long seed, int maxShadow) {
        int members = Math.min(Math.min(retain.size(), test.size()), maxShadow);
        if (members == 0) {
            throw new UnlearnException("MIA-Efficacy needs non-empty retain and test sets");
        }
        double[][] x = new double[2 * members][];
        int[] y = new int[x.length];
        for (int i = 0; i < members; i++) {
            x[i] = new double[] {retain.trueLabelProbability()[i]};
            y[i] = 1;
        }
        for (int i = 0; i < members; i++) {
            x[members + i] = new double[] {test.trueLabelProbability()[i]};
            y[members + i] = -1;
        }
        SVM<double[]> svm = null;
        for (int attempt = 0; attempt <= RETRIES; attempt++) {
            MathEx.setSeed(seed + attempt);
            svm = SVM.fit(x, y, new GaussianKernel(SIGMA), C, TOLERANCE, EPOCHS);
            if (!isConstant(svm, x)) {
                return new Attack(svm, false);
            }
        }
        LOG.warn("MIA SVM predicts one class for all {} shadow samples after {} sample orders; keeping it, marked constant",
                x.length, RETRIES + 1);
        return new Attack(svm, true);
    }

    private static boolean isConstant(SVM<double[]> svm, double[][] x) {
        int first = svm.predict(x[0]);
        for (double[] xi : x) {
            if (svm.predict(xi) != first) {
                return false;
            }
        }
        return true;
    }
}
