package io.unlearn.evaluator.internals;

import static io.unlearn.evaluator.MetricKeys.*;

import io.unlearn.evaluator.EvaluatorException;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.SuppressionConfig;
import io.unlearn.ml.TrainingLock;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.NamedDataset;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.sae.SparseAutoencoder;
import io.unlearn.ml.suppression.AttackSpec;
import io.unlearn.ml.suppression.Concept;
import io.unlearn.ml.suppression.ConceptSplits;
import io.unlearn.ml.suppression.ExampleConcepts;
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
 * never saw (its size is reported as {@code concept.evaluation.samples}), before and after and under a PGD attack (which
 * needs gradients, hence the training lock). What a concept given by examples is follows ml's {@link ExampleConcepts}, as
 * in the worker: a concept of classes scores its accuracy (share of its samples still predicted as one of its classes);
 * a pattern concept (stamped samples of a stamped dataset) is measured by {@link PatternMeasurement} (the stamp's effect
 * against the clean twins). Accuracy outside the concepts is measured on the samples outside every concept of classes (a
 * pattern takes no class away), so removing a second concept is not charged for the first one's classes. The headline
 * figures are the worst over the concepts of what the verdict judges ({@link ConceptFigures}: a class concept's accuracy,
 * a pattern's excess over its clean rate); each concept's own are kept as {@code concept.<name>.*}.
 */
public final class SuppressionMeasurement {
    private final NamedDataset named;
    private final UnlearnDataset data;
    private final ArtifactLoader loader;
    private final int attackSamples;
    private final double epsilon;

    public SuppressionMeasurement(NamedDataset data, ArtifactLoader loader, int attackSamples, double epsilon) {
        this.named = data;
        this.data = data.dataset();
        this.loader = loader;
        this.attackSamples = attackSamples;
        this.epsilon = epsilon;
    }

    Map<String, Double> measure(ModelVersion v, Classifier model, Map<String, Double> m) {
        List<SuppressionConfig> active = SuppressionMapping.active(v);
        if (active.isEmpty()) {
            throw new EvaluatorException("SUPPRESSED version " + v.getVersionId() + " names no suppression config; nothing to measure");
        }
        ExampleConcepts rule = ExampleConcepts.of(named);
        Set<Integer> classesTaken = new HashSet<>();
        active.stream().filter(c -> !isPattern(rule, c)).forEach(c -> classesTaken.addAll(concept(c).classes(data.train())));
        DataView split = ConceptSplits.evaluation(data);
        DataView outside = DataView.of(split.source(), IntStream.range(0, split.size())
                .filter(i -> !classesTaken.contains(split.label(i))).map(split::row).toArray());
        List<SparseAutoencoder> saes = new ArrayList<>();
        try {
            for (SuppressionConfig c : active) {
                saes.add(loader.sae(c.getSaeArtifactUri(), c.getSaeSha256()));
            }
            var configs = active.stream().map(c -> SuppressionMapping.toEngine(c, v.getArtifactSha256())).toList();
            try (SuppressedModel after = SuppressedModel.of(model, configs, saes)) {
                for (SuppressionConfig c : active) {
                    String key = "concept." + c.getConceptName() + ".";
                    ConceptFigures f = TrainingLock.exclusively(() -> isPattern(rule, c)
                            ? PatternMeasurement.measure(rule.pattern(c.getConceptName(), c.getExampleSampleIds()), model, after, outside,
                                    AttackSpec.pgd(epsilon, 10), attackSamples, key, m)
                            : classes(model, after, c, outside, key, m));
                    m.merge(CONCEPT_ACC, f.judged(), Math::max);
                    m.merge(CONCEPT_ACC_BEFORE, f.judgedBefore(), Math::max);
                    m.merge(CONCEPT_ACC_ATTACK, f.judgedUnderAttack(), Math::max);
                    m.put(NONCONCEPT_ACC, f.otherAfter());
                    m.put(NONCONCEPT_ACC_BEFORE, f.otherBefore());
                    m.merge(NONCONCEPT_DROP, f.otherBefore() - f.otherAfter(), Math::max);
                    m.merge("nonconcept.accuracy.under.attack", f.otherUnderAttack(), Math::min);
                    m.put("inference.overhead.percent", f.overheadPercent());
                }
                m.put("concepts.active", (double) active.size());
                m.put(CONCEPT_EVALUATION_SAMPLES, (double) split.size());
                return m;
            }
        } finally {
            saes.forEach(SparseAutoencoder::close);
        }
    }

    private static boolean isPattern(ExampleConcepts rule, SuppressionConfig c) {
        return c.getConceptLabels().isEmpty() && rule.kindOf(c.getConceptName(), c.getExampleSampleIds()) == ExampleConcepts.Kind.PATTERN;
    }

    private ConceptFigures classes(Classifier model, SuppressedModel after, SuppressionConfig c, DataView outside, String key,
                                   Map<String, Double> m) {
        Set<Integer> classes = concept(c).classes(data.train());
        DataView split = ConceptSplits.evaluation(data);
        DataView conceptView = DataView.of(split.source(), IntStream.range(0, split.size())
                .filter(i -> classes.contains(split.label(i))).map(split::row).toArray());
        SuppressionReport r = SuppressionEvaluation.builder().setBefore(InferenceModel.of(model)).setAfter(after)
                .setConceptView(conceptView).setOtherView(outside).setConceptClasses(classes)
                .optAttack(AttackSpec.pgd(epsilon, 10)).optAttackSamples(attackSamples).optTimingSamples(attackSamples).optRepeats(1)
                .build().run();
        m.put(key + "samples", (double) conceptView.size());
        m.put(key + "accuracy", r.conceptAccAfter());
        m.put(key + "accuracy.before", r.conceptAccBefore());
        m.put(key + "accuracy.under.attack", r.conceptAccUnderAttackAfter());
        return new ConceptFigures(r.conceptAccAfter(), r.conceptAccBefore(), r.conceptAccUnderAttackAfter(), r.otherAccBefore(),
                r.otherAccAfter(), r.otherAccUnderAttackAfter(), r.overheadPercent());
    }

    private Concept concept(SuppressionConfig c) {
        return c.getConceptLabels().isEmpty()
                ? Concept.ofSamples(c.getConceptName(), new HashSet<>(c.getExampleSampleIds()))
                : Concept.ofClasses(c.getConceptName(), c.getConceptLabels(), data.train().source().classNames());
    }
}
