package io.unlearn.ml.sae;

/** The two sparse-autoencoder variants: TopK (with the AuxK loss) and ReLU + L1. */
public enum SaeKind {
    /**
     * TopK SAE (Gao et al. 2024): {@code z = ReLU(TopK(W_enc (x − b_pre) + b_enc))}, MSE plus AuxK loss on dead
     * latents, unit-norm decoder rows.
     */
    TOPK,
    /** ReLU + L1 SAE as used by SAUCE: {@code z = ReLU(W_enc (x − b_pre) + b_enc)}, MSE plus λ‖z‖₁. */
    RELU_L1
}
