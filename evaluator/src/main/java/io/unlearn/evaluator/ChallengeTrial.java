package io.unlearn.evaluator;

import io.unlearn.evaluator.internals.Scoring;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TrainingLock;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.metrics.MembershipAdvantage;
import io.unlearn.ml.metrics.MembershipAttacks;
import io.unlearn.ml.metrics.UnlearningMetrics;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.unlearn.UnlearningMethods;
import io.unlearn.ml.unlearn.UnlearningResult;
import io.unlearn.ml.unlearn.UnlearningTask;
import io.unlearn.ml.worstcase.WorstCaseForgetSet;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The engine-level core of the worst-case challenge, shared by the evaluator's challenger and {@code unlearn bench
 * challenge}: on a challenge set S chosen from the parent's retained training data, run the version's method (with its
 * recorded hyperparameters) <em>and</em> Retrain (a fresh model with the parent's architecture and training recipe — the
 * base version's, kept in every artifact's spec — trained from scratch on the same data minus S), and score both on the
 * evaluator's views: UA on S, RA on a retain sample, TA, MIA-Efficacy, the Avg. Gap between them, and membership.
 *
 * <p>Why against Retrain, not against unseen samples alone: a challenge set is chosen to be hard to forget (the samples
 * the parent fits best, the bi-level worst case); an exact retrain also fits such typical samples well, so comparing S
 * after the method with non-members alone would reject even Retrain. The method is judged on what it leaves <em>beyond</em>
 * Retrain on the same S: its loss-attack membership advantage minus Retrain's, on the same S and the same non-member
 * reference, with the paired DeLong interval ({@link MembershipAttacks#lossDrop} with the method's outputs in the
 * first position), and its Avg. Gap to Retrain ({@link EvaluationPolicy#judgeChallenge}). The {@link ForgettingGate}'s own
 * decision on S (the method against the parent) is measured and reported, not binding, for the same reason.
 */
public final class ChallengeTrial {

    private ChallengeTrial() {
    }

    /**
     * @param seed seed of both runs and of the MIA solver
     * @param retainSample RA is measured on this many retained samples
     * @param maxShadow cap on each MIA shadow set
     * @param retrainEpochs Retrain's epochs; 0 = the model's own recipe (the real reference)
     */
    public record Settings(long seed, int retainSample, int maxShadow, int retrainEpochs) {
    }

    /**
     * What the trial measured.
     *
     * @param setSize |S|
     * @param method the method's UA, MIA, RA, TA on S (percent) and its run time
     * @param retrain Retrain's, on the same views
     * @param avgGap the method's Avg. Gap to Retrain (points)
     * @param excessAdvantage the method's loss-attack membership advantage on S minus Retrain's (paired, points)
     * @param methodAdvantage the method's loss-attack advantage on S against the non-members
     * @param retrainAdvantage Retrain's
     * @param gate the forgetting gate's judgement of the method's model on S (parent as reference)
     */
    public record Outcome(int setSize, UnlearningMetrics method, UnlearningMetrics retrain, double avgGap,
                          MembershipAdvantage excessAdvantage, MembershipAdvantage methodAdvantage,
                          MembershipAdvantage retrainAdvantage, ForgettingGate.Result gate) {
    }

    /**
     * Retrain on S, scored: the reference a trial compares the method with. Deterministic for a given parent, data, set and
     * settings, so a caller that runs several methods on one set (the benchmark) computes it once.
     *
     * @param set the challenge set S
     * @return Retrain's scores on the views of S
     */
    public static Reference retrain(Classifier parent, UnlearnDataset candidates, DataView nonMembers, Collection<String> set,
            Settings settings, ProgressListener listener) {
        Scoring.Views views = Scoring.views(candidates, nonMembers, set, Set.of(), settings.retainSample());
        UnlearningTask task = UnlearningTask.builder().setModel(parent).setDataset(candidates).setForgetIds(set).optSeed(settings.seed())
                .optHyperparameters(Map.of("epochs", settings.retrainEpochs())).build();
        return new Reference(WorstCaseForgetSet.digestOf(set), run("retrain", task, views, settings, listener.prefixed("retrain")));
    }

    /** Retrain's result on one set ({@link #retrain}); opaque to callers. */
    public static final class Reference {
        private final String setDigest;
        private final Run run;

        private Reference(String setDigest, Run run) {
            this.setDigest = setDigest;
            this.run = run;
        }

        /** @return Retrain's UA, MIA, RA, TA and run time on the set */
        public UnlearningMetrics metrics() {
            return run.metrics();
        }
    }

    /**
     * Runs the method and Retrain on S and measures both ({@link #run(Classifier, UnlearnDataset, DataView, Collection, String, Map,
     * ForgettingGate, Settings, Reference, ProgressListener)} with a Retrain run now).
     */
    public static Outcome run(Classifier parent, UnlearnDataset candidates, DataView nonMembers, Collection<String> set, String method,
            Map<String, ? extends Number> hyperparameters, ForgettingGate gate, Settings settings, ProgressListener listener) {
        return run(parent, candidates, nonMembers, set, method, hyperparameters, gate, settings,
                retrain(parent, candidates, nonMembers, set, settings, listener), listener);
    }

    /**
     * @param parent the model the version was unlearned from (not modified)
     * @param candidates the parent's retained training data (the evaluator's slice minus what the lineage forgot)
     * @param nonMembers samples no version trained on ({@link ForgettingGate#nonMemberReference})
     * @param set the challenge set S, ids of {@code candidates}' training samples
     * @param method the version's method name ({@link UnlearningMethods})
     * @param hyperparameters the version's recorded hyperparameters
     * @param gate the forgetting gate with the model's tolerances
     * @param reference Retrain on the same S, parent, data and settings ({@link #retrain})
     * @param listener the method's progress, prefixed {@code method/}
     * @return the measurements; training runs under the JVM-wide {@link TrainingLock}
     * @throws UnlearnException when {@code reference} was computed on another set
     */
    public static Outcome run(Classifier parent, UnlearnDataset candidates, DataView nonMembers, Collection<String> set, String method,
            Map<String, ? extends Number> hyperparameters, ForgettingGate gate, Settings settings, Reference reference,
            ProgressListener listener) {
        if (!reference.setDigest.equals(WorstCaseForgetSet.digestOf(set))) {
            throw new UnlearnException("the Retrain reference was computed on another challenge set; compute it on this one");
        }
        Scoring.Views views = Scoring.views(candidates, nonMembers, set, Set.of(), settings.retainSample());
        Scoring.Scores before = Scoring.score(parent, views, true, settings.seed(), settings.maxShadow());
        UnlearningTask task = UnlearningTask.builder().setModel(parent).setDataset(candidates).setForgetIds(set).optSeed(settings.seed())
                .optHyperparameters(hyperparameters).build();
        Run byMethod = run(method, task, views, settings, listener.prefixed("method"));
        Run byRetrain = reference.run;
        ForgettingGate.ModelOutputs m = byMethod.scores().outputs();
        ForgettingGate.ModelOutputs r = byRetrain.scores().outputs();
        MembershipAdvantage excess = MembershipAttacks.lossDrop(m.forget(), m.nonMembers(), r.forget(), r.nonMembers());
        ForgettingGate.Result judged = gate.judge(m, before.outputs(), new int[0], candidates.trainCountsByClass());
        UnlearningMetrics mm = byMethod.metrics();
        UnlearningMetrics rm = byRetrain.metrics();
        return new Outcome(views.forget().size(), mm, rm, mm.avgGap(rm), excess, MembershipAttacks.loss(m.forget(), m.nonMembers()),
                MembershipAttacks.loss(r.forget(), r.nonMembers()), judged);
    }

    private record Run(Scoring.Scores scores, UnlearningMetrics metrics) {
    }

    private static Run run(String method, UnlearningTask task, Scoring.Views views, Settings settings, ProgressListener listener) {
        try (UnlearningResult r = TrainingLock.exclusively(() -> UnlearningMethods.byName(method).unlearn(task, listener))) {
            Scoring.Scores s = Scoring.score(r.model(), views, true, settings.seed(), settings.maxShadow());
            return new Run(s, new UnlearningMetrics(s.ua(), s.mia(), s.ra(), s.ta(), r.report().seconds()));
        }
    }
}
