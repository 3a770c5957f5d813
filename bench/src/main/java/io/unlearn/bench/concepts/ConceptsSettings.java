package io.unlearn.bench.concepts;

import io.unlearn.bench.harness.EngineOptions;
import io.unlearn.ml.data.Backdoor;
import io.unlearn.ml.data.CornerStamp;
import io.unlearn.ml.data.StampedFashionMnist;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.suppression.ConceptAttackEvaluation;
import io.unlearn.ml.suppression.ConceptProbe;
import io.unlearn.ml.suppression.PatternConcept;
import io.unlearn.ml.suppression.RelearningAttack;
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
                + (o.dropErrorTerm() ? " × error term kept or dropped" : " with the error term kept (--drop-error-term adds"
                + " the settings that drop it, which run the whole SAE at inference)") + "; a TopK SAE's chosen latents"
                + " are computed alone, gated by JumpReLU thresholds fitted to the TopK selection on the training"
                + " activations (TopKGates); rule: " + rule);
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
        s.put("overhead", "process CPU time (not wall time: the machine is shared), totalled over " + o.timingRepeats() + " passes over 1,000"
                + " non-concept samples, batch 1,000, interleaved with the original model; measured for sae and mask;"
                + " ga, weights and retrain change only the weights of the same network, so their rows show 0 (the"
                + " measured figure in the details shows the timing noise)");
        s.put("probe", "ConceptAttackEvaluation on the model after removal: Smile L2 logistic regression (λ "
                + ConceptProbe.DEFAULT_LAMBDA + ", standardised features) on the representation that feeds the head,"
                + " a balanced draw of up to " + ConceptProbe.DEFAULT_MAX_PER_SIDE + " concept and as many other"
                + " report-half samples, fitted on half of each side and scored on the rest; seed " + o.seed()
                + "; for the mask the representation is the original's. Read it against the retrain row rather than"
                + " chance: a model that never saw the concept still separates its samples linearly when they differ"
                + " in the pixels (a class's shapes, a visible stamp), so probe ≈ retrain's means as gone as retraining");
        s.put("relearning", "the head fine-tuned (" + RelearningAttack.DEFAULT_STEPS + " full-batch steps, class-"
                + "balanced softmax regression) on k = " + ConceptAttackEvaluation.SMALL_K + " / "
                + ConceptAttackEvaluation.LARGE_K + " concept samples and as many others drawn from the training split"
                + " (seed " + o.seed() + "), scored on the report half: relearn = concept samples predicted as a"
                + " concept class; the details hold the same head's accuracy on the other samples");
        describePattern(o, s);
        s.put("quick", o.quick());
        s.put("seed", o.seed());
        s.put("command", "./unlearn bench concepts" + (o.quick() ? " --quick" : "") + " --layer " + o.layer()
                + " --out " + o.output().out());
        return s;
    }

    private static void describePattern(ConceptsOptions o, Map<String, Object> s) {
        s.put("pattern", StampedFashionMnist.NAME + " (" + (o.quick() ? "the first " + PatternOptions.QUICK_TRAIN
                + " training and " + EngineOptions.QUICK_TEST + " test images" : "every image") + "; " + Math.round(100 * Backdoor.DEFAULT_FRACTION) + "% of the"
                + " non-Trouser training images carry a " + CornerStamp.SIZE + "×" + CornerStamp.SIZE + " corner stamp"
                + " and the label Trouser), concept "
                + PatternConcept.DEFAULT_NAME + " given by the stamped training ids; its own base CNN with the recipe"
                + " above; concept acc = stamp effect (stamped non-target report images predicted as Trouser),"
                + " non-concept acc = accuracy on the clean report images; the clean twins' false-Trouser rate is in the"
                + " details; methods sae, mask, weights, retrain; ga is left out (no retain term)");
        s.put("pattern sae", "RELU_L1 (not TopK: a TopK SAE's stamp latents overlap Trouser's, and its settings that"
                + " spare Trouser leave much of the stamp's effect; see PatternConceptTest) on layer " + o.layer() + ", expansion " + o.expansion() + ", "
                + o.pattern().saeEpochs(o.quick()) + " epochs, batch " + PatternOptions.SAE_BATCH + "; grid top-k "
                + o.pattern().features() + " × the scales and clamps above; rule: lowest stamp effect with ≤ "
                + o.maxOtherDrop() + " points clean-accuracy loss, and as little on Trouser's clean images");
        s.put("pattern mask", "Trouser's logit −∞: the stamp's effect goes to 0 by construction, and every Trouser"
                + " image is lost (the non-concept accuracy shows the cost)");
        s.put("pattern weights and retrain", "as above with the stamped training samples as the forget set (weights:"
                + " same methods, lrs and rule, the stamp's effect as concept accuracy) or left out (retrain)");
        s.put("pattern attacks", "PGD on stamped images elicits Trouser; probe: stamped vs clean twins of the report"
                + " half's non-Trouser images; relearning:"
                + " the attacker draws stamped (labelled Trouser) and other training images, relearn = stamped twins"
                + " predicted as Trouser");
    }
}
