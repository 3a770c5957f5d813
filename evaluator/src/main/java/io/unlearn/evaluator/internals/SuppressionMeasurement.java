package io.unlearn.evaluator.internals;

import static io.unlearn.evaluator.MetricKeys.*;

import io.unlearn.evaluator.EvaluatorException;
import io.unlearn.events.ModelVersion;
import io.unlearn.ml.TrainingLock;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.sae.AttackSpec;
import io.unlearn.ml.sae.Concept;
import io.unlearn.ml.sae.InferenceModel;
import io.unlearn.ml.sae.SparseAutoencoder;
import io.unlearn.ml.sae.SuppressedModel;
import io.unlearn.ml.sae.SuppressionEvaluation;
import io.unlearn.ml.sae.SuppressionReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * SUPPRESSED versions: every active suppression is applied at once (the SAEs loaded and hash-checked), then the
 * version's own concept is measured on the test set: concept accuracy (share of concept samples still predicted
 * as a concept class) and non-concept accuracy, before and after, and both again under a PGD attack (which needs
 * gradients, hence the training lock).
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
        io.unlearn.events.SuppressionConfig own = v.getSuppression() != null ? v.getSuppression() : active.get(active.size() - 1);
        List<SparseAutoencoder> saes = new ArrayList<>();
        try {
            for (io.unlearn.events.SuppressionConfig c : active) {
                saes.add(loader.sae(c.getSaeArtifactUri(), c.getSaeSha256()));
            }
            var configs = active.stream().map(c -> SuppressionMapping.toEngine(c, v.getArtifactSha256())).toList();
            try (SuppressedModel after = SuppressedModel.of(model, configs, saes)) {
                SuppressionReport r = TrainingLock.exclusively(() -> evaluation(model, after, own).run());
                m.put(CONCEPT_ACC, r.conceptAccAfter());
                m.put(CONCEPT_ACC_BEFORE, r.conceptAccBefore());
                m.put(CONCEPT_ACC_ATTACK, r.conceptAccUnderAttackAfter());
                m.put(NONCONCEPT_ACC, r.otherAccAfter());
                m.put(NONCONCEPT_ACC_BEFORE, r.otherAccBefore());
                m.put(NONCONCEPT_DROP, r.otherAccBefore() - r.otherAccAfter());
                m.put("nonconcept.accuracy.under.attack", r.otherAccUnderAttackAfter());
                m.put("inference.overhead.percent", r.overheadPercent());
                return m;
            }
        } finally {
            saes.forEach(SparseAutoencoder::close);
        }
    }

    private SuppressionEvaluation evaluation(Classifier model, SuppressedModel after, io.unlearn.events.SuppressionConfig own) {
        Concept concept = own.getConceptLabels().isEmpty()
                ? Concept.ofSamples(own.getConceptName(), new HashSet<>(own.getExampleSampleIds()))
                : Concept.ofClasses(own.getConceptName(), own.getConceptLabels(), data.train().source().classNames());
        Set<Integer> classes = concept.classes(data.train());
        DataView test = data.test();
        int[] in = IntStream.range(0, test.size()).filter(i -> classes.contains(test.label(i))).map(test::row).toArray();
        int[] out = IntStream.range(0, test.size()).filter(i -> !classes.contains(test.label(i))).map(test::row).toArray();
        return SuppressionEvaluation.builder().setBefore(InferenceModel.of(model)).setAfter(after)
                .setConceptView(DataView.of(test.source(), in)).setOtherView(DataView.of(test.source(), out)).setConceptClasses(classes)
                .optAttack(AttackSpec.pgd(epsilon, 10)).optAttackSamples(attackSamples).optTimingSamples(attackSamples).optRepeats(1).build();
    }
}
