package io.unlearn.worker.internals;

import io.unlearn.events.SuppressedFeature;
import io.unlearn.events.SuppressionConfig;
import java.util.List;

/** Turns the engine's suppression config into the Avro record a SUPPRESSED version carries. */
final class SuppressionRecords {

    private SuppressionRecords() {
    }

    static SuppressionConfig toAvro(io.unlearn.ml.suppression.SuppressionConfig c, List<String> exampleSampleIds) {
        return SuppressionConfig.newBuilder().setConceptName(c.conceptName()).setConceptLabels(c.conceptLabels())
                .setLayer(c.layer()).setSaeArtifactUri(c.saeArtifactUri()).setSaeSha256(c.saeSha256())
                .setDictionarySize(c.dictionarySize()).setDefaultScale(c.defaultScale())
                .setFeatures(c.features().stream().map(f -> SuppressedFeature.newBuilder().setIndex(f.index())
                        .setScore(f.score()).setScale(f.scale()).setThreshold(f.threshold()).build()).toList())
                .setModelSha256(c.modelVersion()).setClampValue(c.clampValue()).setKeepErrorTerm(c.keepErrorTerm())
                .setExampleSampleIds(List.copyOf(exampleSampleIds)).build();
    }
}
