package io.unlearn.ingest.internals;

import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.SampleRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The processors that keep the global stores in step with their topics. Kafka Streams also runs them
 * when it restores a global store (since 3.8), so a restart rebuilds the same derived keys.
 */
public final class CatalogUpdaters {
    private CatalogUpdaters() {
    }

    /** unlearn.catalog.samples → {@link StoreNames#CATALOG}; a tombstone removes the sample and its index entry. */
    public static final class Samples extends StoreUpdater<SampleRecord> {
        public Samples() {
            super(StoreNames.CATALOG);
        }

        @Override
        protected void update(KeyValueStore<String, String> store, String sampleId, SampleRecord sample) {
            if (sampleId == null) {
                return;
            }
            String previous = store.get(CatalogKeys.sample(sampleId));
            if (previous != null) {
                String oldSubject = previous.substring(previous.indexOf('\t') + 1);
                if (!oldSubject.isEmpty()) {
                    store.delete(CatalogKeys.subjectSample(oldSubject, sampleId));
                }
            }
            if (sample == null) {
                store.delete(CatalogKeys.sample(sampleId));
                return;
            }
            String label = sample.getLabel() == null ? "" : sample.getLabel();
            String subject = sample.getSubjectId() == null ? "" : sample.getSubjectId();
            store.put(CatalogKeys.sample(sampleId), label + '\t' + subject);
            if (!subject.isEmpty()) {
                store.put(CatalogKeys.subjectSample(subject, sampleId), "");
            }
            if (!label.isEmpty()) {
                store.put(CatalogKeys.label(label), "");
            }
        }
    }

    /** unlearn.catalog.forgotten → {@link StoreNames#FORGOTTEN}: modelId|sampleId (the record key) → versionId. */
    public static final class Forgotten extends StoreUpdater<ForgottenSample> {
        public Forgotten() {
            super(StoreNames.FORGOTTEN);
        }

        @Override
        protected void update(KeyValueStore<String, String> store, String key, ForgottenSample forgotten) {
            if (key == null) {
                return;
            }
            if (forgotten == null) {
                store.delete(key);
            } else {
                store.put(key, forgotten.getVersionId());
            }
        }
    }

    /** unlearn.models.versions → {@link StoreNames#MODELS}: modelId → the latest versionId seen. */
    public static final class Models extends StoreUpdater<ModelVersion> {
        public Models() {
            super(StoreNames.MODELS);
        }

        @Override
        protected void update(KeyValueStore<String, String> store, String key, ModelVersion version) {
            if (version != null) {
                store.put(version.getModelId(), version.getVersionId());
            }
        }
    }
}
