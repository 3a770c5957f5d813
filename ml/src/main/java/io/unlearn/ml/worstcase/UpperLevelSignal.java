package io.unlearn.ml.worstcase;

/**
 * What the upper level of {@link WorstCaseSearch} weighs each candidate by: the per-sample quantity ℓᵢ of
 * {@code F(w) = Σ wᵢ·ℓᵢ(θ_u(w)) + γ‖w‖²}, computed from the true label's log-odds z = z_y − logsumexp of the other
 * logits of the lower level's result.
 */
public enum UpperLevelSignal {
    /**
     * The cross-entropy, as the seed code ({@code optimize_select}): {@code CE = log(1 + e^−z)}, computed exactly in
     * double precision (the float32 CE rounds to 0 from a margin of about 17). It still saturates: a memorising model
     * fits most of its training set with CE below 1e-6, so F is flat over all of them and the weights spread evenly
     * over that majority instead of choosing among it (measured: the largest weight stayed under 0.12 for m/N = 0.02,
     * see docs/BENCHMARKS.md).
     */
    LOSS,
    /**
     * {@code −z}, the negated log-odds (a margin loss): the same order as the CE, equal to it up to
     * {@code log(1 + e^z)} for misfit samples, but it keeps separating samples fitted with margins 15 and 30, so the
     * weights concentrate on the m hardest-to-forget samples. This project's default; the membership attacks score on
     * the log-odds for the same reason.
     */
    LOG_ODDS;

    /**
     * @param logOdds per-sample log-odds of the true label
     * @return per-sample ℓ, same order
     */
    float[] of(float[] logOdds) {
        float[] out = new float[logOdds.length];
        for (int i = 0; i < out.length; i++) {
            double z = logOdds[i];
            out[i] = this == LOG_ODDS ? (float) -z
                    : (float) (z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z)));
        }
        return out;
    }
}
