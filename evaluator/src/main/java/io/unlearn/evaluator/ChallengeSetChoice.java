package io.unlearn.evaluator;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.worstcase.ChallengeSets;
import io.unlearn.ml.worstcase.ForgetSetKind;
import io.unlearn.ml.worstcase.WorstCaseForgetSet;
import java.util.Map;

/**
 * How the worst-case challenge chooses its set S of m samples from the parent's retained training data, shared by the
 * evaluator's challenger and {@code unlearn bench challenge} (the evaluator's {@code challenge.set.kind},
 * {@code challenge.pool.size}, {@code challenge.outer.steps}, {@code challenge.inner.epochs} and {@code seed}).
 *
 * @param kind how the set is chosen
 * @param poolSize candidates the choice looks at (raised to 4m; 0 or at least the data = all of it)
 * @param outerSteps the bi-level search's outer steps (kind worst)
 * @param innerEpochs its lower-level epochs per outer step (kind worst)
 * @param seed the choice's seed
 */
public record ChallengeSetChoice(ForgetSetKind kind, int poolSize, int outerSteps, int innerEpochs, long seed) {

    /** The pool size used for a set of {@code m} among {@code available} candidates: 0 (all) when the pool would cover them. */
    public int poolFor(int m, int available) {
        int pool = Math.max(poolSize, 4 * m);
        return pool >= available ? 0 : pool;
    }

    /** The cache key of the set chosen on {@code parentVersion} for {@code method}: every input the choice depends on. */
    public String cacheKey(String parentVersion, String method, int m, int available) {
        return String.join("|", parentVersion, method, kind.label(), "m=" + m, "pool=" + poolFor(m, available), "outer=" + outerSteps,
                "inner=" + innerEpochs, "seed=" + seed);
    }

    /**
     * @param parent the model the version was unlearned from
     * @param candidates the parent's retained training data
     * @param nonMembers samples no version trained on (the gate-hardest kind compares with them)
     * @param m the set's size (the version's batch size)
     * @param method the version's method
     * @param hyperparameters its recorded hyperparameters
     * @param parentVersion the parent's version id (recorded in the set)
     * @return the set, which records how it was chosen ({@link ChallengeSets})
     */
    public WorstCaseForgetSet choose(Classifier parent, UnlearnDataset candidates, DataView nonMembers, int m, String method,
            Map<String, ? extends Number> hyperparameters, String parentVersion, ProgressListener listener) {
        return ChallengeSets.builder().setForgetSize(m).optKind(kind).optMethod(method).optHyperparameters(hyperparameters)
                .optPoolSize(poolFor(m, candidates.train().size())).optSeed(seed).optModelVersion(parentVersion).optOuterSteps(outerSteps)
                .optInnerEpochs(innerEpochs).optNonMembers(nonMembers).build().choose(parent, candidates, listener);
    }
}
