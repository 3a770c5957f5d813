package io.unlearn.ml.suppression;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.unlearn.ml.train.Losses;

/**
 * FGSM / PGD perturbations of inputs, through any {@link InferenceModel} (the SAE path included, white-box).
 * Hand-written because DJL ships no adversarial-attack utilities; it needs only the gradient of the loss with
 * respect to the input, which DJL gives when the input array requires a gradient inside a gradient collector.
 *
 * <p>Two goals: {@link Goal#ELICIT} lowers the cross-entropy of the true label (an attacker trying to bring a
 * suppressed concept back); {@link Goal#EVADE} raises it (the usual untargeted attack). Uses DJL's global gradient
 * collector: not on two threads at once. Gradients may also accumulate on parameters that require them; inference
 * ignores those.
 */
public final class Attacks {

    /** What the attacker wants. */
    public enum Goal {
        /** Make the model predict the true label (bring a removed concept back). */
        ELICIT,
        /** Make the model miss the true label. */
        EVADE
    }

    private Attacks() {
    }

    /**
     * @param model the attacked model
     * @param x inputs {@code (B, inputShape...)} in [0, 1]
     * @param labels true labels {@code (B)}
     * @param spec budget, steps, step size
     * @param goal elicit or evade
     * @return perturbed inputs, same shape, within ε of {@code x} (L∞) and in [0, 1], in {@code x}'s manager
     */
    public static NDArray perturb(InferenceModel model, NDArray x, NDArray labels, AttackSpec spec, Goal goal) {
        NDManager manager = x.getManager();
        float direction = goal == Goal.ELICIT ? -1f : 1f;
        NDArray lower = x.sub((float) spec.epsilon()).maximum(0f);
        NDArray upper = x.add((float) spec.epsilon()).minimum(1f);
        NDArray adv = x.duplicate();
        for (int step = 0; step < spec.steps(); step++) {
            adv.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                // summed, not averaged: each sample's step is independent of the batch size
                NDArray loss = Losses.crossEntropyPerSample(model.logits(manager, adv), labels).sum();
                collector.backward(loss);
            }
            NDArray moved = adv.add(adv.getGradient().sign().mul(direction * (float) spec.stepSize()));
            adv = moved.maximum(lower).minimum(upper).stopGradient();
        }
        return adv;
    }
}
