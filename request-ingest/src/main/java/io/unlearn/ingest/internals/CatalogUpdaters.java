package io.unlearn.ingest.internals;

import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.SampleRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The processors that keep the global stores in step with their topics. Kafka Streams also runs them
 * when it restores a global store (since 3.8), so a restart rebuilds the same derived keys.
 */
public final class CatalogUpdaters {
    private CatalogUpdaters() {
    }

    /** unlearn.catalog.samples → {@link StoreNames#CATALOG}; a tombstone removes the sample and its index entry. */
    public static final class Samples implements Processor<String, SampleRecord, Void, Void> {
        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(StoreNames.CATALOG);
        }

        @Override
        public void process(Record<String, SampleRecord> record) {
            String sampleId = record.key();
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
            SampleRecord sample = record.value();
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
    public static final class Forgotten implements Processor<String, ForgottenSample, Void, Void> {
        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(StoreNames.FORGOTTEN);
        }

        @Override
        public void process(Record<String, ForgottenSample> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value().getVersionId());
            }
        }
    }

    /** unlearn.models.versions → {@link StoreNames#MODELS}: modelId → the latest versionId seen. */
    public static final class Models implements Processor<String, ModelVersion, Void, Void> {
        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(StoreNames.MODELS);
        }

        @Override
        public void process(Record<String, ModelVersion> record) {
            ModelVersion version = record.value();
            if (version != null) {
                store.put(version.getModelId(), version.getVersionId());
            }
        }
    }
}
