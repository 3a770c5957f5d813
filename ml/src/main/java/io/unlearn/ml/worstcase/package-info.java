/**
 * Challenge forget sets: which m samples to ask a method to forget so that its weaknesses show, after "Challenging
 * Forgets" (Unlearn-WorstCase, ECCV'24) and with this system's own gate-hardest choice.
 *
 * <ul>
 *   <li>{@link io.unlearn.ml.worstcase.ChallengeSets}: the entry point; a checked builder and {@code choose(model,
 *       dataset, listener)} for a {@link io.unlearn.ml.worstcase.ForgetSetKind}: {@code random} (seeded uniform draw
 *       from the class-stratified {@link io.unlearn.ml.worstcase.CandidatePool}), {@code worst} (the search below),
 *       {@code lowest-loss} (the m samples the model fits best: the trivial set the search is compared with) and
 *       {@code gate-hardest} ({@code GateHardest}: the method run once on 3m candidates, the m whose log-odds stand
 *       highest among class-matched non-members, i.e. the largest loss-attack advantage).</li>
 *   <li>{@link io.unlearn.ml.worstcase.WorstCaseSearch}: the bi-level search; weights w ∈ [0,1]^N over the pool,
 *       lower level = the method's own loss with the forget part weighted by w, K epochs of sign-SGD
 *       ({@code LowerLevelObjective}: ft, l1-sparse, rl, ga, neggrad+, eu-k; others fall back to ft, recorded),
 *       upper level = a step of η per loss standard deviation on the per-sample
 *       {@link io.unlearn.ml.worstcase.UpperLevelSignal} projected by
 *       {@link io.unlearn.ml.worstcase.WeightProjection}, top-m at the end. Its class doc says, per default, where the
 *       value comes from and where it departs from the seed code. Sign convention:
 *       {@link io.unlearn.ml.worstcase.SearchMode#WORST} keeps the samples that stay best fitted after unlearning
 *       (hardest to forget); {@link io.unlearn.ml.worstcase.SearchMode#EASIEST} the opposite.</li>
 *   <li>{@link io.unlearn.ml.worstcase.WorstCaseForgetSet}: the artifact (kind, sorted ids, scores, sha256 digest,
 *       model version, method, lower level, settings, {@link io.unlearn.ml.worstcase.SearchCost}), JSON round-trip;
 *       JSON written before kinds existed reads as {@code worst}.</li>
 *   <li>{@link io.unlearn.ml.worstcase.ForgetSetEvaluation}: Retrain and each method on one set, scored with
 *       {@code io.unlearn.ml.metrics} (UA, MIA, RA, TA, Avg. Gap), to compare the kinds.</li>
 *   <li>The benchmark of the four kinds is {@code ./unlearn bench worstcase}, in the bench module.</li>
 * </ul>
 */
package io.unlearn.ml.worstcase;
