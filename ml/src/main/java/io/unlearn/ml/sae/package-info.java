/**
 * Sparse autoencoders over one layer of a classifier: the dictionary that concept suppression
 * ({@code io.unlearn.ml.suppression}) edits. The layer cut and its activations live in {@code io.unlearn.ml.model}
 * ({@code ModelLayer}, {@code ActivationCapture}, {@code Activations}).
 *
 * <ul>
 *   <li>{@link io.unlearn.ml.sae.SaeSpec} / {@link io.unlearn.ml.sae.SaeTrainer}: TopK SAE (AuxK loss, unit-norm
 *       decoder rows) or ReLU + L1 SAE; {@link io.unlearn.ml.sae.SaeEvaluation} gives FVU, mean L0, dead share and
 *       the accuracy with the SAE spliced in.</li>
 *   <li>{@link io.unlearn.ml.sae.SaeStore}: content-addressed SAE artifacts; {@code obtain(model, layer, spec, train,
 *       eval, listener)} is train-or-reuse per (model version, layer, spec).</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * SAE training uses DJL's process-wide gradient collector: one at a time per JVM ({@code TrainingLock}).
 */
package io.unlearn.ml.sae;
