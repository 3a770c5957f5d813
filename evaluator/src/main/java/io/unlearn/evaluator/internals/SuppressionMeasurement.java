package io.unlearn.evaluator.internals;

import static io.unlearn.evaluator.MetricKeys.*;

import io.unlearn.evaluator.EvaluatorException;
import io.unlearn.events.ModelVersion;
import io.unlearn.ml.TrainingLock;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.sae.SparseAutoencoder;
import io.unlearn.ml.suppression.AttackSpec;
import io.unlearn.ml.suppression.Concept;
import io.unlearn.ml.suppression.ConceptSplits;
import io.unlearn.ml.suppression.InferenceModel;
import io.unlearn.ml.suppression.SuppressedModel;
import io.unlearn.ml.suppression.SuppressionEvaluation;
import io.unlearn.ml.suppression.SuppressionReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * SUPPRESSED versions: every active suppression is applied at once (the SAEs loaded and hash-checked), then each
 * active concept is measured on {@link ConceptSplits#evaluation}, the half of the test split the worker's calibration
 * never saw (its size is reported as {@code concept.evaluation.samples}): concept accuracy (share of its samples still
 * predicted as one of its classes), before and after, and under a PGD attack (which needs gradients, hence the training
 * lock). Non-concept accuracy is measured on the samples outside every active concept, so removing a second concept is
 * not charged for the first one's classes. The headline figures are the worst over the concepts; each concept's own are
 * kept as {@code concept.<name>.*}.
 */
public final class SuppressionMeasurement {
    private final UnlearnDataset data;
    private final ArtifactLoader loader;
    private final int attackSamples;
    private final double epsilon;

    public SuppressionMeasurement(UnlearnDataset data, ArtifactLoader loader, int attackSamples, double epsilon) {
        this.data = data;
        this.loader = loader;
        this.attackSamples = attackSamples;
        this.epsilon = epsilon;
    }

    Map<String, Double> measure(ModelVersion v, Classifier model, Map<String, Double> m) {
        List<io.unlearn.events.SuppressionConfig> active = SuppressionMapping.active(v);
        if (active.isEmpty()) {
            throw new EvaluatorException("SUPPRESSED version " + v.getVersionId() + " names no suppression config; nothing to measure");
        }
        List<SparseAutoencoder> saes = new ArrayList<>();
        try {
            for (io.unlearn.events.SuppressionConfig c : active) {
                saes.add(loader.sae(c.getSaeArtifactUri(), c.getSaeSha256()));
            }
            var configs = active.stream().map(c -> SuppressionMapping.toEngine(c, v.getArtifactSha256())).toList();
            Set<Integer> allClasses = new HashSet<>();
            active.forEach(c -> allClasses.addAll(concept(c).classes(data.train())));
            try (SuppressedModel after = SuppressedModel.of(model, configs, saes)) {
                for (io.unlearn.events.SuppressionConfig c : active) {
                    SuppressionReport r = TrainingLock.exclusively(() -> evaluation(model, after, c, allClasses).run());
                    String key = "concept." + c.getConceptName() + ".";
                    m.put(key + "samples", (double) conceptView(c).size());
                    m.put(key + "accuracy", r.conceptAccAfter());
                    m.put(key + "accuracy.before", r.conceptAccBefore());
                    m.put(key + "accuracy.under.attack", r.conceptAccUnderAttackAfter());
                    m.merge(CONCEPT_ACC, r.conceptAccAfter(), Math::max);
                    m.merge(CONCEPT_ACC_BEFORE, r.conceptAccBefore(), Math::max);
                    m.merge(CONCEPT_ACC_ATTACK, r.conceptAccUnderAttackAfter(), Math::max);
                    m.put(NONCONCEPT_ACC, r.otherAccAfter());
                    m.put(NONCONCEPT_ACC_BEFORE, r.otherAccBefore());
                    m.put(NONCONCEPT_DROP, r.otherAccBefore() - r.otherAccAfter());
                    m.put("nonconcept.accuracy.under.attack", r.otherAccUnderAttackAfter());
                    m.put("inference.overhead.percent", r.overheadPercent());
                }
                m.put("concepts.active", (double) active.size());
                m.put(CONCEPT_EVALUATION_SAMPLES, (double) ConceptSplits.evaluation(data).size());
                return m;
            }
        } finally {
            saes.forEach(SparseAutoencoder::close);
        }
    }

    private Concept concept(io.unlearn.events.SuppressionConfig c) {
        return c.getConceptLabels().isEmpty()
                ? Concept.ofSamples(c.getConceptName(), new HashSet<>(c.getExampleSampleIds()))
                : Concept.ofClasses(c.getConceptName(), c.getConceptLabels(), data.train().source().classNames());
    }

    private SuppressionEvaluation evaluation(Classifier model, SuppressedModel after, io.unlearn.events.SuppressionConfig own,
                                             Set<Integer> allSuppressed) {
        DataView split = ConceptSplits.evaluation(data);
        int[] out = IntStream.range(0, split.size()).filter(i -> !allSuppressed.contains(split.label(i))).map(split::row).toArray();
        return SuppressionEvaluation.builder().setBefore(InferenceModel.of(model)).setAfter(after)
                .setConceptView(conceptView(own)).setOtherView(DataView.of(split.source(), out)).setConceptClasses(concept(own).classes(data.train()))
                .optAttack(AttackSpec.pgd(epsilon, 10)).optAttackSamples(attackSamples).optTimingSamples(attackSamples).optRepeats(1).build();
    }

    /** The evaluation split's samples of the concept's classes. */
    private DataView conceptView(io.unlearn.events.SuppressionConfig c) {
        Set<Integer> classes = concept(c).classes(data.train());
        DataView split = ConceptSplits.evaluation(data);
        return DataView.of(split.source(), IntStream.range(0, split.size()).filter(i -> classes.contains(split.label(i))).map(split::row).toArray());
    }
}
