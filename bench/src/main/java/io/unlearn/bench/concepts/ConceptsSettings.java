package io.unlearn.bench.concepts;

import io.unlearn.ml.data.UnlearnDataset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings block of the concepts benchmark's result and report: what ran, in words, one entry per part (data,
 * model, each method's recipe and tuning grid, attack, overhead measurement), so a reader can rerun it.
 */
final class ConceptsSettings {

    private ConceptsSettings() {
    }

    /**
     * @param o the options
     * @param data the dataset the run uses (quick mode's slice or the whole set)
     * @return the settings, in the order they are shown
     */
    static Map<String, Object> describe(ConceptsOptions o, UnlearnDataset data) {
        String rule = "lowest concept accuracy with ≤ " + o.maxOtherDrop() + " points non-concept loss on the"
                + " calibration half";
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("dataset", data.name() + " (" + data.train().size() + " train, " + data.test().size() + " test: first"
                + " half calibrates, second half is reported)");
        s.put("model", "CNN conv16-pool-conv32-pool-fc128-fc10, Adam 1e-3 cosine, batch 128, " + o.baseEpochs()
                + " epochs, seed " + o.seed());
        s.put("sae", o.saeKind() + " on layer " + o.layer() + ", expansion " + o.expansion() + ", " + o.saeEpochs()
                + " epochs, Adam 1e-3, batch 256");
        s.put("sae grid", "top-k " + o.features() + " × γ " + o.scales() + " / clamp " + o.clamps()
                + " × error term kept or dropped; rule: " + rule);
        s.put("ga", "UnlearningMethods ga (5 epochs, batch 128, Adam) on all training samples of the concept's classes,"
                + " lr from " + o.gaLearningRates() + " by the same rule");
        s.put("mask", "the original model with the concept classes' logits set to −∞ (LogitMask; −∞ rather than a"
                + " large finite value, PGD's gradient stays finite); nothing to tune");
        s.put("weights", "UnlearningMethods " + o.weights().methods() + " × lr " + o.weightsLearningRates()
                + " (each method's defaults otherwise: rl and neggrad+ 1 epoch, batch 128, Adam; neggrad+ α 0.99), forget"
                + " set = all training samples of the concept's classes, retain set = every other training sample;"
                + " method and lr by the same rule");
        s.put("retrain", "the model's recipe (" + o.baseEpochs() + " epochs, seed " + o.seed() + ") from scratch on the"
                + " training set minus every sample of the concept's classes; cached per (excluded samples, epochs,"
                + " seed) in the base-model cache; nothing to tune");
        s.put("attack", "PGD L∞ ε " + o.epsilon() + ", " + o.attackSteps() + " steps, step 2.5ε/steps, white-box"
                + " through the SAE or the mask; concept samples: elicit the true label; " + o.attackSamples()
                + " samples per side");
        s.put("overhead", "process CPU time (not wall time: the machine is shared), totalled over 7 passes over 1,000"
                + " non-concept samples, batch 1,000, interleaved with the original model; measured for sae and mask;"
                + " ga, weights and retrain change only the weights of the same network, so their rows show 0 (the"
                + " measured figure in the details shows the timing noise)");
        s.put("quick", o.quick());
        s.put("seed", o.seed());
        s.put("command", "./unlearn bench concepts" + (o.quick() ? " --quick" : "") + " --layer " + o.layer()
                + " --out " + o.output().out());
        return s;
    }
}
