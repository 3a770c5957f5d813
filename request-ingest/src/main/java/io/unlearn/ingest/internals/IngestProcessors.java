package io.unlearn.ingest.internals;

import io.micrometer.core.instrument.MeterRegistry;
import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.ConceptRemovalRequest;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.SampleRecord;
import io.unlearn.ingest.IngestRules;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import java.time.Clock;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** Wires the ingest nodes and stores into a {@link Topology}; see {@code IngestTopology} for the topics. */
public final class IngestProcessors {
    private IngestProcessors() {
    }

    public static Topology wire(Topology t, IngestRules rules, SchemaRegistryClient registry, Clock clock, MeterRegistry meters) {
        Deserializer<String> keys = EventSerdes.keySerde().deserializer();
        t.addGlobalStore(globalStore(StoreNames.CATALOG), "catalog-source", keys,
                EventSerdes.serde(SampleRecord.class, registry).deserializer(), Topics.SAMPLES.name(),
                "catalog-updater", CatalogUpdaters.Samples::new);
        t.addGlobalStore(globalStore(StoreNames.FORGOTTEN), "forgotten-source", keys,
                EventSerdes.serde(ForgottenSample.class, registry).deserializer(), Topics.FORGOTTEN_SAMPLES.name(),
                "forgotten-updater", CatalogUpdaters.Forgotten::new);
        t.addGlobalStore(globalStore(StoreNames.MODELS), "models-source", keys,
                EventSerdes.serde(ModelVersion.class, registry).deserializer(), Topics.MODEL_VERSIONS.name(),
                "models-updater", CatalogUpdaters.Models::new);

        Deserializer<DeletionRequest> deletions = EventSerdes.serde(DeletionRequest.class, registry).deserializer();
        Deserializer<ConceptRemovalRequest> concepts = EventSerdes.serde(ConceptRemovalRequest.class, registry).deserializer();
        RequestValidator validator = new RequestValidator(rules);
        t.addSource("requests-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                Topics.DELETION_REQUESTS.name(), Topics.CONCEPT_REQUESTS.name());
        t.addProcessor("intake", () -> new IntakeProcessor(deletions, concepts, validator, clock, meters), "requests-source");
        t.addStateStore(writeOnceStore(StoreNames.REQUESTS), "intake");
        t.addSink(IngestSinks.ACCEPTED, Topics.ACCEPTED_REQUESTS.name(), EventSerdes.keySerde().serializer(),
                EventSerdes.serde(AcceptedRequest.class, registry).serializer(), "intake");
        t.addSink(IngestSinks.STATUS, Topics.REQUEST_STATUS.name(), EventSerdes.keySerde().serializer(),
                EventSerdes.serde(RequestStatus.class, registry).serializer(), "intake");
        t.addSink(IngestSinks.DEAD_LETTERS, Topics.DEAD_LETTERS.name(), new ByteArraySerializer(), new ByteArraySerializer(), "intake");

        t.addSource("status-source", keys, EventSerdes.serde(RequestStatus.class, registry).deserializer(),
                Topics.REQUEST_STATUS.name());
        t.addProcessor("status-history", StatusHistoryProcessor::new, "status-source");
        t.addStateStore(cachedStore(StoreNames.HISTORY), "status-history");
        return t;
    }

    /**
     * Logged RocksDB store with a write cache: within one commit, repeated updates of a key reach the changelog once
     * (a request's RECEIVED and ACCEPTED steps become one history record).
     */
    private static StoreBuilder<KeyValueStore<String, String>> cachedStore(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String())
                .withCachingEnabled();
    }

    /**
     * Logged RocksDB store without a write cache, for keys written once (the de-duplication store: one put per new
     * requestId). A cache would merge nothing there and only add its own bookkeeping per record and per commit; the
     * put reaches RocksDB and the changelog inside the same exactly-once transaction either way.
     */
    private static StoreBuilder<KeyValueStore<String, String>> writeOnceStore(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String())
                .withCachingDisabled();
    }

    /**
     * Global stores live in memory: they are read on every request, are small (a few entries per catalogued
     * sample) and are rebuilt from their compacted topics at start-up anyway.
     */
    private static StoreBuilder<KeyValueStore<String, String>> globalStore(String name) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.String())
                .withLoggingDisabled();
    }
}
