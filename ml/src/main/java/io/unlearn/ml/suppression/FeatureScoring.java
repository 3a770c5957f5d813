package io.unlearn.ml.suppression;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.model.ActivationCapture;
import io.unlearn.ml.model.Activations;
import io.unlearn.ml.model.ModelLayer;
import io.unlearn.ml.sae.SaeKind;
import io.unlearn.ml.sae.SparseAutoencoder;

/**
 * Computes {@link FeatureScores} from an SAE's codes on concept and non-concept activations, chunk by chunk; for a TopK
 * SAE also the per-latent gates ({@link TopKGates}) that let inference compute only the chosen latents.
 */
public final class FeatureScoring {

    /** SAUCE's δ: keeps the normalisation finite when a side never fires. */
    public static final double DEFAULT_DELTA = 1e-6;

    private FeatureScoring() {
    }

    /**
     * Scores a concept on a view: captures the SAE's layer over the view and compares concept samples with the rest.
     *
     * @param model the SAE's parent model version
     * @param sae the SAE
     * @param concept the concept (by labels or example ids)
     * @param view samples holding concept and non-concept examples (e.g. the training set)
     * @return the scores of all {@code h} latents
     */
    public static FeatureScores score(io.unlearn.ml.model.Classifier model, SparseAutoencoder sae, Concept concept,
            io.unlearn.ml.data.DataView view) {
        Activations acts = ActivationCapture.capture(ModelLayer.of(model, sae.identity().layer()), view);
        return score(sae, acts, concept.membership(view), DEFAULT_DELTA);
    }

    /**
     * @param sae the SAE
     * @param activations the layer's activations {@code (n, d)} (e.g. of the training set)
     * @param isConcept per row, whether it is a concept sample; both sides must be non-empty
     * @param delta δ, non-negative
     * @return the scores of all {@code h} latents (with gates for a TopK SAE)
     */
    public static FeatureScores score(SparseAutoencoder sae, Activations activations, boolean[] isConcept,
            double delta) {
        if (isConcept.length != activations.size()) {
            throw new UnlearnException("membership has " + isConcept.length + " entries for " + activations.size()
                    + " activation rows; compute it on the same view");
        }
        int h = sae.latents();
        double[] sumPos = new double[h];
        double[] sumNeg = new double[h];
        int pos = 0;
        TopKGates gates = sae.identity().spec().kind() == SaeKind.TOPK ? new TopKGates(h) : null;
        for (int from = 0; from < activations.size(); from += ActivationCapture.DEFAULT_CHUNK) {
            int to = Math.min(activations.size(), from + ActivationCapture.DEFAULT_CHUNK);
            float[] z;
            try (NDManager m = NDManager.newBaseManager(sae.decoder().getDevice())) {
                NDArray x = activations.range(m, from, to);
                if (gates == null) {
                    z = sae.encode(x).toFloatArray();
                } else { // one encoder product serves the codes and the gates
                    NDArray pre = sae.preActivations(x);
                    z = SparseAutoencoder.activate(pre, sae.identity().spec().k()).toFloatArray();
                    gates.add(pre.toFloatArray(), z, to - from);
                }
            }
            for (int r = from; r < to; r++) {
                double[] target = isConcept[r] ? sumPos : sumNeg;
                pos += isConcept[r] ? 1 : 0;
                int base = (r - from) * h;
                for (int i = 0; i < h; i++) {
                    target[i] += z[base + i];
                }
            }
        }
        int neg = activations.size() - pos;
        if (pos == 0 || neg == 0) {
            throw new UnlearnException("feature scoring needs concept and non-concept samples, got " + pos + " and "
                    + neg + "; score on a view holding both");
        }
        double[] muPos = new double[h];
        double[] muNeg = new double[h];
        double totalPos = 0;
        double totalNeg = 0;
        for (int i = 0; i < h; i++) {
            muPos[i] = sumPos[i] / pos;
            muNeg[i] = sumNeg[i] / neg;
            totalPos += muPos[i];
            totalNeg += muNeg[i];
        }
        double[] s = new double[h];
        for (int i = 0; i < h; i++) {
            s[i] = muPos[i] / (totalPos + delta) - muNeg[i] / (totalNeg + delta);
        }
        if (gates == null) {
            return new FeatureScores(s, muPos, muNeg);
        }
        double[] theta = gates.thresholds();
        double[] agreement = new double[h];
        for (int i = 0; i < h; i++) {
            agreement[i] = gates.agreement(theta, i);
        }
        return new FeatureScores(s, muPos, muNeg, theta, agreement);
    }
}
