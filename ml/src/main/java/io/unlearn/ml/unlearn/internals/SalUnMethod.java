package io.unlearn.ml.unlearn.internals;

import io.unlearn.ml.model.Classifier;
import java.util.Map;

/**
 * SalUn (Fan et al., ICLR'24): compute the weight saliency mask from the forget-set gradient
 * ({@link SaliencyMask}), then run RL updating only the salient weights.
 *
 * <p>Defaults (Adam): {@code mask_ratio} 0.5 (the paper's default), {@code epochs} 1, {@code lr} 2e-3 with {@code cosine} 1 (as RL),
 * {@code batch_size} 128.
 */
public final class SalUnMethod extends RandomLabelMethod {

    /** Creates the method. */
    public SalUnMethod() {
        super("salun", Map.of("epochs", 1, "lr", 2e-3, "batch_size", 128, "mask_ratio", 0.5, "cosine", 1));
    }

    @Override
    protected Classifier run(MethodContext ctx) {
        return onCopy(ctx, (c, model) -> {
            double ratio = c.hp().inRange("mask_ratio", 1e-6, 1);
            try (SaliencyMask mask = SaliencyMask.compute(model, c.split().forget(), c.hp().positiveInt("batch_size"),
                    ratio)) {
                c.epochDone("salun/mask", 1, 1, mask.selectedShare());
                randomLabelTraining(c, model, mask::apply);
            }
        });
    }
}
