package io.unlearn.evaluator.internals;

import io.unlearn.ml.artifact.ArtifactRefusedException;
import static io.unlearn.evaluator.MetricKeys.*;

import io.unlearn.evaluator.EvaluationPolicy;
import io.unlearn.evaluator.EvaluatorException;
import io.unlearn.evaluator.Judgement;
import io.unlearn.evaluator.ForgettingGate;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ForgettingEvidence;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.metrics.MembershipAttacks;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The basic evaluation of one version: load and verify its artifact, measure by kind, judge with the
 * policy. BASE: TA and RA. UNLEARNED / RETRAINED: UA on the lineage's cumulative forget set, RA on a retain
 * sample, TA, MIA-Efficacy, the same for the parent (the TA/RA reference), and the {@link ForgettingGate}'s
 * membership evidence for both. SUPPRESSED: see {@link SuppressionMeasurement}. Never throws for a bad version: a refused artifact
 * gives a REJECTED report, anything that prevents judging an INCONCLUSIVE one.
 */
public final class VersionEvaluator implements VersionJudge {
    private static final Logger log = LoggerFactory.getLogger(VersionEvaluator.class);
    private final UnlearnDataset data;
    private final DataView nonMembers;
    private final int[] trainCountsByClass;
    private final ArtifactLoader loader;
    private final EvaluationPolicy policy;
    private final SuppressionMeasurement suppression;
    private final long seed;
    private final int retainSample;
    private final int maxShadow;
    private final Clock clock;

    /**
     * @param whole the whole dataset, whose test samples beyond {@code data}'s shadow half are the gate's non-members
     * @param data the slice the models were trained on ({@code dataset.limit})
     */
    public VersionEvaluator(UnlearnDataset whole, UnlearnDataset data, ArtifactLoader loader, EvaluationPolicy policy, SuppressionMeasurement suppression,
                            long seed, int retainSample, int maxShadow, Clock clock) {
        this.data = data;
        this.nonMembers = ForgettingGate.nonMemberReference(whole, data);
        this.trainCountsByClass = data.trainCountsByClass();
        this.loader = loader;
        this.policy = policy;
        this.suppression = suppression;
        this.seed = seed;
        this.retainSample = retainSample;
        this.maxShadow = maxShadow;
        this.clock = clock;
    }

    @Override
    public EvaluationReport evaluate(ModelVersion v, EvaluatorState state) {
        long started = System.nanoTime();
        try (Classifier model = loader.model(v.getArtifactUri(), v.getArtifactSha256())) {
            Map<String, Double> m = new LinkedHashMap<>();
            Forgetting f = switch (v.getKind()) {
                case BASE -> new Forgetting(base(v, model, m), null);
                case UNLEARNED, RETRAINED -> forgetting(v, model, state, m);
                case SUPPRESSED -> new Forgetting(policy.judgeSuppression(v.getModelId(), suppression.measure(v, model, m)), null);
                default -> throw new EvaluatorException("version kind " + v.getKind() + " is unknown to this evaluator; upgrade it");
            };
            m.put(EVALUATION_SECONDS, (System.nanoTime() - started) / 1e9);
            return Reports.measured(v, m, f.judgement(), f.evidence(), clock.instant());
        } catch (ArtifactRefusedException e) {
            return Reports.refused(v, e.getMessage(), clock.instant());
        } catch (EvaluatorException | UnlearnException e) {
            return Reports.notJudged(v, e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            log.error("{}: evaluation failed unexpectedly", v.getVersionId(), e);
            return Reports.notJudged(v, "evaluation failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); check the evaluator's log and republish the version to retry", clock.instant());
        }
    }

    /** Views need a forget set: the first training sample stands in; only RA and TA are reported. */
    private Judgement base(ModelVersion v, Classifier model, Map<String, Double> m) {
        Scoring.Scores s = Scoring.score(model, Scoring.views(data, data.train().ids().subList(0, 1), Set.of(), retainSample), false, seed, maxShadow);
        m.put(RA, s.ra());
        m.put(TA, s.ta());
        return policy.judgeBase(v.getModelId(), m);
    }

    /** A judgement and, for UNLEARNED/RETRAINED versions, the forgetting evidence it rests on. */
    private record Forgetting(Judgement judgement, ForgettingEvidence evidence) {
    }

    private Forgetting forgetting(ModelVersion v, Classifier model, EvaluatorState state, Map<String, Double> m) {
        ModelVersion parent = state.version(v.getParentVersionId()).orElseThrow(() -> new EvaluatorException(
                "parent " + v.getParentVersionId() + " of " + v.getVersionId() + " is not on unlearn.models.versions; without it there is no reference"));
        Set<String> forget = state.cumulativeForgetSet(v);
        if (forget.isEmpty()) {
            throw new EvaluatorException("no ForgottenSample records name " + v.getVersionId() + " or its ancestors; the forget set is unknown");
        }
        Set<String> batch = state.forgottenBy(v);
        if (v.getKind() == ModelVersionKind.UNLEARNED && batch.size() < v.getForgetSetSize()) {
            throw new EvaluatorException("unlearn.catalog.forgotten holds " + batch.size() + " of the " + v.getForgetSetSize() + " samples "
                    + v.getVersionId() + " forgot; judging part of the set would misstate the evidence — republish the version once the "
                    + "catalogue has them");
        }
        Scoring.Views views = Scoring.views(data, nonMembers, forget, forget, retainSample);
        Scoring.Scores now = Scoring.score(model, views, true, seed, maxShadow);
        Scoring.Scores before;
        try (Classifier p = loader.model(parent.getArtifactUri(), parent.getArtifactSha256())) {
            before = Scoring.score(p, views, true, seed, maxShadow);
        } catch (ArtifactRefusedException e) {
            throw new EvaluatorException("the parent's artifact was refused, so there is no reference: " + e.getMessage());
        }
        int[] batchPositions = IntStream.range(0, views.forget().size()).filter(i -> batch.contains(views.forget().id(i))).toArray();
        ForgettingGate.Result evidence = policy.gate(v.getModelId()).judge(now.outputs(), before.outputs(), batchPositions, trainCountsByClass);
        m.put(UA, now.ua());
        m.put(RA, now.ra());
        m.put(TA, now.ta());
        m.put(MIA, now.mia());
        m.put(MIA_REFERENCE, now.miaReference());
        m.put(PARENT_UA, before.ua());
        m.put(PARENT_RA, before.ra());
        m.put(PARENT_TA, before.ta());
        m.put(RA_DROP, before.ra() - now.ra());
        m.put(FORGET_SIZE, (double) forget.size());
        ForgettingEvidence e = evidence.evidence();
        java.util.Set<Integer> removed = new java.util.TreeSet<>();
        e.getRemovedClasses().forEach(c -> removed.add(c.getLabel()));
        if (removed.isEmpty()) {
            m.put(TA_DROP, before.ta() - now.ta());
        } else { // a whole class gone costs its test samples by design: the drop is judged on the classes kept
            m.put(TA_KEPT_CLASSES, now.taWithout(removed));
            m.put(PARENT_TA_KEPT_CLASSES, before.taWithout(removed));
            m.put(TA_DROP, m.get(PARENT_TA_KEPT_CLASSES) - m.get(TA_KEPT_CLASSES));
        }
        e.getTests().stream().filter(t -> t.getScope().equals("lineage") && t.getAttack().equals(MembershipAttacks.LOSS))
                .forEach(t -> m.put(t.getModel().equals("version") ? MEMBERSHIP_ADVANTAGE : PARENT_MEMBERSHIP_ADVANTAGE, t.getAdvantage()));
        e.getTests().stream().filter(t -> t.getAttack().equals(MembershipAttacks.LOSS_DROP)).forEach(t -> m.put(MEMBERSHIP_ADVANTAGE_DROP, t.getAdvantage()));
        e.getRemovedClasses().stream().mapToDouble(c -> c.getAccuracy()).max().ifPresent(a -> m.put(REMOVED_CLASS_ACCURACY, a));
        boolean identical = v.getKind() == ModelVersionKind.UNLEARNED && v.getArtifactSha256().equals(parent.getArtifactSha256());
        return new Forgetting(policy.judgeForgetting(v.getModelId(), m, identical, evidence), e);
    }

}
