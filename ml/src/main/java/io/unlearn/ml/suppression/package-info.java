/**
 * Concept removal by SAE suppression (SAUCE-style): a concept such as "footwear" is removed from a model version
 * without touching its weights, by splicing a sparse autoencoder ({@code io.unlearn.ml.sae}) into one layer and
 * suppressing the concept's latent features at inference.
 *
 * <ul>
 *   <li>{@link io.unlearn.ml.suppression.Concept} (labels or example ids) and
 *       {@link io.unlearn.ml.suppression.FeatureScoring}: SAUCE scores
 *       {@code S(i) = μ⁺ᵢ/(Σμ⁺+δ) − μ⁻ᵢ/(Σμ⁻+δ)}, {@link io.unlearn.ml.suppression.FeatureScores#top(int)}.</li>
 *   <li>{@link io.unlearn.ml.suppression.SuppressionConfig}: plain record with JSON round-trip; optional
 *       {@link io.unlearn.ml.suppression.SuppressionCalibration} picks top-k and γ / clamp on held-out samples:
 *       {@link io.unlearn.ml.suppression.ConceptSplits#calibration}, never the half a suppression is judged on
 *       ({@link io.unlearn.ml.suppression.ConceptSplits#evaluation}).</li>
 *   <li>{@link io.unlearn.ml.suppression.SuppressedModel}: applies one or several configs at once, refusing configs
 *       for another model version, another layer, a missing or foreign SAE, or unknown feature ids.</li>
 *   <li>{@link io.unlearn.ml.suppression.SuppressionEvaluation}: concept and non-concept accuracy before/after, again
 *       under FGSM/PGD ({@link io.unlearn.ml.suppression.Attacks}), and the inference overhead.</li>
 *   <li>{@link io.unlearn.ml.suppression.LogitMask}: the baseline for concepts that are sets of output classes (their
 *       logits −∞); evaluated the same way, so a suppression has to show what a mask cannot.</li>
 *   <li>{@link io.unlearn.ml.suppression.ConceptAttackEvaluation}: what an output mask cannot do, on any
 *       {@link io.unlearn.ml.suppression.InferenceModel}: is the concept gone from the representation that feeds the
 *       head ({@link io.unlearn.ml.suppression.InferenceModel#representation})? A linear
 *       {@link io.unlearn.ml.suppression.ConceptProbe} (and, for a suppression below the penultimate layer, one on
 *       the edited layer) and a {@link io.unlearn.ml.suppression.RelearningAttack} that fine-tunes the head on 10 and
 *       100 concept samples; {@link io.unlearn.ml.suppression.ConceptAttackReport}.</li>
 *   <li>{@link io.unlearn.ml.suppression.PatternConcept}: a concept carried by the input (the corner stamp of
 *       {@link io.unlearn.ml.data.StampedDataset}), given by the stamped training ids, measured by
 *       {@link io.unlearn.ml.suppression.PatternEffect} on stamped and clean twins of the test images;
 *       {@link io.unlearn.ml.suppression.ExampleConcepts}: whether a concept given by example ids is such a pattern,
 *       the examples' classes, or neither (refused).</li>
 * </ul>
 *
 * <h2>The worker's path</h2>
 * <pre>{@code
 * SaeArtifact a = saeStore.obtain(model, ModelLayer.PENULTIMATE, spec, data.train(), data.test(), listener);
 * try (SparseAutoencoder sae = saeStore.load(a.sha256(), device)) {
 *     FeatureScores s = FeatureScoring.score(model, sae, concept, data.train());
 *     SuppressionConfig c = SuppressionConfig.of("footwear", labels, sae, a.uri(), s, 32, -0.5, null, true);
 *     try (SuppressedModel m = SuppressedModel.of(model, List.of(c), List.of(sae))) { m.predict(view); }
 * }
 * }</pre>
 *
 * <h2>Mapping to the Avro SuppressionConfig</h2>
 * The record's first eight fields are the Avro record's, name for name. {@code modelVersion}, {@code clampValue} and
 * {@code keepErrorTerm} have no Avro field yet: the worker keeps the model version in the event envelope, and the
 * schema needs the other two (or the worker must refuse clamped / error-dropping configs) for a lossless mapping.
 *
 * <h2>Threads</h2>
 * Attacks use DJL's process-wide gradient collector: one at a time per JVM.
 */
package io.unlearn.ml.suppression;
