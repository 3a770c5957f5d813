package io.unlearn.ingest.internals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.unlearn.schemas.Topics;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** {@link CatalogView} over the three global stores. */
final class StoreCatalogView implements CatalogView {
    private static final StringSerializer KEYS = new StringSerializer();
    private final KeyValueStore<String, String> catalog;
    private final KeyValueStore<String, String> forgotten;
    private final KeyValueStore<String, String> models;

    StoreCatalogView(KeyValueStore<String, String> catalog, KeyValueStore<String, String> forgotten,
                     KeyValueStore<String, String> models) {
        this.catalog = catalog;
        this.forgotten = forgotten;
        this.models = models;
    }

    @Override
    public boolean sampleExists(String sampleId) {
        return catalog.get(CatalogKeys.sample(sampleId)) != null;
    }

    @Override
    public List<String> samplesOf(String subjectId) {
        String prefix = CatalogKeys.subjectPrefix(subjectId);
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, String> it = catalog.prefixScan(prefix, KEYS)) {
            while (it.hasNext()) {
                KeyValue<String, String> entry = it.next();
                ids.add(entry.key.substring(prefix.length()));
            }
        }
        return ids;
    }

    @Override
    public boolean labelExists(String label) {
        return catalog.get(CatalogKeys.label(label)) != null;
    }

    @Override
    public Optional<String> forgottenBy(String modelId, String sampleId) {
        return Optional.ofNullable(forgotten.get(Topics.forgottenKey(modelId, sampleId)));
    }

    @Override
    public boolean modelExists(String modelId) {
        return models.get(modelId) != null;
    }
}
