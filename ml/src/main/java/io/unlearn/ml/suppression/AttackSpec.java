package io.unlearn.ml.suppression;

import io.unlearn.ml.UnlearnException;

/**
 * An L∞ projected-gradient attack on inputs in [0, 1] (FGSM = one step of size ε, no random start).
 *
 * @param epsilon the perturbation budget, e.g. 0.03 of the pixel range
 * @param steps gradient steps (1 = FGSM)
 * @param stepSize the step size α
 */
public record AttackSpec(double epsilon, int steps, double stepSize) {

    /** Checks the values. */
    public AttackSpec {
        if (!(epsilon >= 0) || !(stepSize >= 0) || steps < 1) {
            throw new UnlearnException("bad attack: epsilon and stepSize must be >= 0 and steps >= 1, were " + epsilon
                    + ", " + stepSize + ", " + steps);
        }
    }

    /**
     * @param epsilon the budget
     * @return FGSM with that budget
     */
    public static AttackSpec fgsm(double epsilon) {
        return new AttackSpec(epsilon, 1, epsilon);
    }

    /**
     * @param epsilon the budget
     * @param steps the number of steps
     * @return PGD with step size {@code 2.5 ε / steps} (Madry et al.'s rule of thumb)
     */
    public static AttackSpec pgd(double epsilon, int steps) {
        return new AttackSpec(epsilon, steps, 2.5 * epsilon / steps);
    }
}
