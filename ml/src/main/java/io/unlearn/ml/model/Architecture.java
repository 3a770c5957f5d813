package io.unlearn.ml.model;

/** The network families the engine builds. See {@link Networks} for the exact layers. */
public enum Architecture {
    /** Multi-layer perceptron: flatten → (linear → ReLU)* → linear. */
    MLP,
    /** Small CNN: conv3×3 → ReLU → maxpool2 → conv3×3 → ReLU → maxpool2 → flatten → linear → ReLU → linear. */
    CNN
}
