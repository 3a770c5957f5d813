package io.unlearn.worker.internals;

import ai.djl.Device;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.SuppressionConfig;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TrainingLock;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.NamedDataset;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.sae.SaeArtifact;
import io.unlearn.ml.sae.SaeStore;
import io.unlearn.ml.sae.SparseAutoencoder;
import io.unlearn.ml.suppression.FeatureScores;
import io.unlearn.ml.suppression.SuppressedModel;
import io.unlearn.ml.suppression.SuppressionCalibration;
import io.unlearn.ml.suppression.SuppressionChoice;
import io.unlearn.worker.ArtifactStore;
import io.unlearn.worker.WorkerException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves concept removal without touching weights (SAUCE): the head version's SAE at the concept's layer is
 * trained once on the samples the model may still use (never a forgotten one) and reused; the concept's features are
 * scored on them, the suppression strength is calibrated on the calibration half of the test split (the evaluator judges it
 * on the other half; a pattern concept by its stamp's effect, see {@link ConceptCalibrator}), and a SUPPRESSED version carries the config next to every suppression still in force. Deterministic
 * under the configured seed.
 */
public final class ConceptRunner implements ConceptRemoval {
    public static final String METHOD = "SAE-suppression";
    private static final Logger log = LoggerFactory.getLogger(ConceptRunner.class);
    private final UnlearnDataset dataset;
    private final ConceptCalibrator calibrator;
    private final ArtifactStore artifacts;
    private final SaeStore saes;
    private final ConceptSettings settings;
    private final Device device;
    private final Clock clock;

    public ConceptRunner(NamedDataset dataset, ArtifactStore artifacts, SaeStore saes, ConceptSettings settings, Device device,
                         Clock clock) {
        this.dataset = dataset.dataset();
        this.calibrator = new ConceptCalibrator(dataset, settings);
        this.artifacts = artifacts;
        this.saes = saes;
        this.settings = settings;
        this.device = device;
        this.clock = clock;
    }

    /**
     * A new concept on the head (the version's own {@code suppression}) next to the inherited ones: those built on the
     * head's weights stay as they are, the others (built on weights an unlearning step has since replaced) are derived
     * again on the head's weights.
     */
    @Override
    public BatchOutcome suppress(ModelVersion head, List<SuppressionConfig> inherited, ConceptDefinition concept, String requestId,
                                 Set<String> forgotten, ProgressListener progress) {
        List<SuppressionConfig> kept = inherited.stream().filter(c -> head.getArtifactSha256().equals(c.getModelSha256())).toList();
        List<ConceptDefinition> concepts = new ArrayList<>(inherited.stream()
                .filter(c -> !head.getArtifactSha256().equals(c.getModelSha256())).map(ConceptDefinition::of).toList());
        concepts.add(concept);
        return run(head, kept, concepts, List.of(requestId), forgotten, progress);
    }

    /** After the weights changed: derives every concept of {@code previous} again on the head's weights. */
    @Override
    public BatchOutcome rederive(ModelVersion head, List<SuppressionConfig> previous, Set<String> forgotten, ProgressListener progress) {
        return run(head, List.of(), previous.stream().map(ConceptDefinition::of).toList(), List.of(), forgotten, progress);
    }

    private BatchOutcome run(ModelVersion head, List<SuppressionConfig> kept, List<ConceptDefinition> concepts, List<String> requestIds,
                             Set<String> forgotten, ProgressListener progress) {
        long started = System.nanoTime();
        try (Classifier model = artifacts.load(head.getArtifactUri(), head.getArtifactSha256(), device)) {
            DataView usable = usable(dataset.train(), forgotten);
            List<SuppressionConfig> derived = new ArrayList<>();
            Map<String, Object> hp = new TreeMap<>();
            for (ConceptDefinition c : concepts) {
                derived.add(derive(model, c, usable, hp, progress));
            }
            List<SuppressionConfig> active = new ArrayList<>(kept);
            active.addAll(derived);
            long millis = (System.nanoTime() - started) / 1_000_000;
            ModelVersion v = VersionRecords.version(head, ModelVersionKind.SUPPRESSED, METHOD, hp,
                    new ArtifactStore.StoredArtifact(head.getArtifactUri(), head.getArtifactSha256()), requestIds, List.of(), millis,
                    clock.instant());
            v.setSuppression(requestIds.isEmpty() ? null : derived.get(derived.size() - 1));
            v.setActiveSuppressions(active);
            v.setExcludedSamplesDigest(forgotten.isEmpty() ? null : io.unlearn.schemas.Digests.forgetSetDigest(forgotten));
            log.info("{}: {} on {} in {} ms: {} suppression(s) in force", head.getModelId(), METHOD, head.getVersionId(), millis,
                    active.size());
            return new BatchOutcome.Published(v, List.of());
        } catch (UnlearnException | WorkerException e) {
            return new BatchOutcome.Failed("concept removal on " + head.getVersionId() + " failed: " + e.getMessage());
        } catch (RuntimeException e) {
            log.error("{}: concept removal failed unexpectedly on {}", head.getModelId(), head.getVersionId(), e);
            return new BatchOutcome.Failed("concept removal on " + head.getVersionId() + " failed (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); check the concept.* settings and resubmit the request");
        }
    }

    private SuppressionConfig derive(Classifier model, ConceptDefinition c, DataView usable, Map<String, Object> hp,
                                     ProgressListener progress) {
        SaeArtifact artifact = TrainingLock.exclusively(() -> saes.obtain(model, c.layer(), settings.saeSpec(), usable, dataset.test(),
                progress));
        try (SparseAutoencoder sae = saes.load(artifact.sha256(), device)) {
            ConceptCalibrator.Calibrated calibrated = calibrator.calibrate(model, sae, c, usable);
            FeatureScores scores = calibrated.scores();
            SuppressionCalibration.Result r = calibrated.result();
            SuppressionChoice best = r.best();
            io.unlearn.ml.suppression.SuppressionConfig config = io.unlearn.ml.suppression.SuppressionConfig.of(c.name(), c.labels(), sae,
                    artifact.uri(), scores, best.features(), best.scale(), best.clamp(), best.keepErrorTerm());
            SuppressedModel.of(model, List.of(config), List.of(sae)).close();  // refuses a config that does not fit the model
            hp.put(c.name() + ".kind", calibrated.kind().name().toLowerCase(java.util.Locale.ROOT));
            hp.put(c.name() + ".choice", best.label());
            hp.put(c.name() + ".calibration_concept_acc", String.format(java.util.Locale.ROOT, "%.1f -> %.1f", r.baseConceptAcc(), best.conceptAcc()));
            hp.put(c.name() + ".calibration_other_acc", String.format(java.util.Locale.ROOT, "%.1f -> %.1f", r.baseOtherAcc(), best.otherAcc()));
            hp.put("sae", artifact.sha256());
            log.info("concept '{}' ({}) on layer {}: {} (calibration concept acc {} -> {}, other {} -> {})", c.name(), calibrated.kind(), c.layer(),
                    best.label(), String.format(java.util.Locale.ROOT, "%.1f", r.baseConceptAcc()), String.format(java.util.Locale.ROOT, "%.1f", best.conceptAcc()),
                    String.format(java.util.Locale.ROOT, "%.1f", r.baseOtherAcc()), String.format(java.util.Locale.ROOT, "%.1f", best.otherAcc()));
            return SuppressionRecords.toAvro(config, c.exampleSampleIds());
        }
    }

    private static DataView usable(DataView train, Set<String> forgotten) {
        if (forgotten.isEmpty()) {
            return train;
        }
        int[] rows = IntStream.range(0, train.size()).filter(i -> !forgotten.contains(train.id(i))).map(train::row).toArray();
        return DataView.of(train.source(), rows);
    }
}
