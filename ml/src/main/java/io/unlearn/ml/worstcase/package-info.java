/**
 * Worst-case forget sets: the bi-level search of "Challenging Forgets" (Unlearn-WorstCase, ECCV'24)
 * for the forget set that is hardest for unlearning, so the evaluator can challenge every method with it and not
 * only with a random set.
 *
 * <ul>
 *   <li>{@link io.unlearn.ml.worstcase.WorstCaseSearch}: checked builder and {@code search(model, dataset,
 *       listener)}; weights w ∈ [0,1]^N over a class-stratified {@link io.unlearn.ml.worstcase.CandidatePool},
 *       lower level = weighted sign-SGD fine-tuning ({@code LowerLevel}), upper level = projected step on the
 *       per-sample losses ({@link io.unlearn.ml.worstcase.WeightProjection}), top-m binarisation. Sign
 *       convention: {@link io.unlearn.ml.worstcase.SearchMode#WORST} keeps the samples with the LOWEST loss after
 *       unlearning (hardest to forget); {@link io.unlearn.ml.worstcase.SearchMode#EASIEST} the highest.</li>
 *   <li>{@link io.unlearn.ml.worstcase.WorstCaseForgetSet}: the artifact (sorted ids, scores, sha256 digest,
 *       model version, method, {@link io.unlearn.ml.worstcase.SearchCost}), JSON round-trip.</li>
 *   <li>{@link io.unlearn.ml.worstcase.ForgetSetEvaluation}: Retrain and each method on one set, scored with
 *       {@code io.unlearn.ml.metrics} (UA, MIA, RA, TA, Avg. Gap), for random versus worst-case comparisons.</li>
 *   <li>The benchmark of random against worst-case sets is {@code ./unlearn bench worstcase}, in the bench module.</li>
 * </ul>
 */
package io.unlearn.ml.worstcase;
