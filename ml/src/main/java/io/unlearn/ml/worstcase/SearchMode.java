package io.unlearn.ml.worstcase;

import java.util.Locale;

/**
 * Which end of the difficulty scale a search looks for.
 *
 * <p>Sign convention (seed code {@code unlearn/impl.py}): the upper level minimises
 * {@code F(w) = Σ wᵢ·ℓᵢ(θ_u(w)) + γ‖w‖²}, the loss that the forget set still has after unlearning. {@link #WORST}
 * descends ({@code w ← w − η·∇F}, {@code optimize_select}): it keeps the samples the unlearned model still fits,
 * the set hardest to forget. {@link #EASIEST} ascends ({@code w ← w + η·∇F}, {@code reverse_optimize_select}): it
 * keeps the samples the unlearned model fits worst, the set easiest to forget.
 */
public enum SearchMode {
    /** Lowest loss after unlearning: hardest to forget. */
    WORST,
    /** Highest loss after unlearning: easiest to forget (for contrast). */
    EASIEST;

    /** @return {@code -1} for descent (WORST), {@code +1} for ascent (EASIEST) */
    double direction() {
        return this == WORST ? -1 : 1;
    }

    /** @return the lower-case name used in artifacts, e.g. {@code worst} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
