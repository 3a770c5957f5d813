package io.unlearn.ml.sae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam over a fixed list of arrays (Kingma &amp; Ba, bias-corrected, β₁ 0.9, β₂ 0.999, ε 1e-8). Hand-written
 * because the SAE's parameters are plain arrays, not a DJL Block, and its decoder gradient must be edited
 * between backward and update; a DJL Trainer would need a Model around them.
 */
final class SaeAdam {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    private final List<NDArray> params;
    private final List<NDArray> first = new ArrayList<>();
    private final List<NDArray> second = new ArrayList<>();
    private final double learningRate;
    private int t;

    /**
     * @param params the arrays to update in place (they require gradients)
     * @param state owner of the moment estimates (close it after training)
     * @param learningRate the step size
     */
    SaeAdam(List<NDArray> params, NDManager state, double learningRate) {
        this.params = params;
        this.learningRate = learningRate;
        for (NDArray p : params) {
            first.add(state.zeros(p.getShape()));
            second.add(state.zeros(p.getShape()));
        }
    }

    /** @return the moment estimates, to attach temporarily to a batch's manager with the parameters */
    List<NDArray> state() {
        List<NDArray> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** Applies one update from the gradients stored on the parameters, then zeroes them. */
    void step() {
        t++;
        float bc1 = (float) (1 - Math.pow(BETA1, t));
        float bc2 = (float) (1 - Math.pow(BETA2, t));
        for (int i = 0; i < params.size(); i++) {
            NDArray p = params.get(i);
            NDArray g = p.getGradient();
            first.get(i).muli(BETA1).addi(g.mul(1 - BETA1));
            second.get(i).muli(BETA2).addi(g.square().mul(1 - BETA2));
            NDArray update = first.get(i).div(bc1).div(second.get(i).div(bc2).sqrt().add(EPS))
                    .mul((float) learningRate);
            p.subi(update);
            g.muli(0);
        }
    }
}
