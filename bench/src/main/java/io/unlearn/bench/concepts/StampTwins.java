package io.unlearn.bench.concepts;

import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.InMemorySamples;
import io.unlearn.ml.data.PatternViews;
import io.unlearn.ml.data.SampleSource;
import io.unlearn.ml.data.StampedDataset;
import io.unlearn.ml.suppression.Concept;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The held-out samples of the attacks on a pattern concept's representation: the non-target images of a report half
 * twice, with the stamp and without, in one view (true labels kept; the stamped twins' ids end in
 * {@link StampedDataset#STAMPED_ID_SUFFIX}). The probe tells stamped from clean twins; the relearning attack scores
 * the stamped twins (predicted as the target?) and the clean ones (still right?). The attack's concept is the
 * pattern's stamped training ids plus the stamped twins' ids, so its attacker draws stamped training samples and its
 * scoring finds the stamped twins.
 *
 * @param view the stamped twins followed by the clean twins
 * @param concept the pattern concept, by the stamped training ids and the stamped twins' ids
 */
record StampTwins(DataView view, Concept concept) {

    /**
     * @param data the stamped dataset
     * @param pattern its pattern concept (by the stamped training ids)
     * @param reportHalf a view of its clean test split
     * @return the twins of the view's non-target images (copied: a few thousand images)
     */
    static StampTwins of(StampedDataset data, Concept pattern, DataView reportHalf) {
        PatternViews pairs = data.patternViews(reportHalf);
        int n = pairs.size();
        SampleSource source = reportHalf.source();
        int width = Math.toIntExact(source.sampleShape().size());
        String[] ids = new String[2 * n];
        String[] subjects = new String[2 * n];
        int[] labels = new int[2 * n];
        float[] features = new float[2 * n * width];
        Set<String> stampedIds = new LinkedHashSet<>(pattern.sampleIds());
        for (int i = 0; i < 2 * n; i++) {
            DataView side = i < n ? pairs.stamped() : pairs.clean();
            int p = i % n;
            ids[i] = side.id(p);
            subjects[i] = side.source().subject(side.row(p));
            labels[i] = side.label(p);
            side.source().copyFeatures(side.row(p), features, i * width);
            if (i < n) {
                stampedIds.add(ids[i]);
            }
        }
        InMemorySamples twins = new InMemorySamples(source.name(), source.split(), source.sampleShape(),
                source.classNames(), ids, subjects, labels, features);
        return new StampTwins(DataView.all(twins), new Concept(pattern.name(), Set.of(), stampedIds));
    }
}
