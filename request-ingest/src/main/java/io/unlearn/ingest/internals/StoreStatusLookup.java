package io.unlearn.ingest.internals;

import io.unlearn.ingest.StatusLookup;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** {@link StatusLookup} by interactive query on {@link StoreNames#HISTORY}, pointing to the owner when remote. */
public final class StoreStatusLookup implements StatusLookup {
    private static final StringSerializer KEYS = new StringSerializer();
    private final KafkaStreams streams;
    private final HostInfo self;

    public StoreStatusLookup(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    @Override
    public Result find(String requestId) {
        try {
            KeyQueryMetadata where = streams.queryMetadataForKey(StoreNames.HISTORY, requestId, KEYS);
            if (where == null || KeyQueryMetadata.NOT_AVAILABLE.equals(where)) {
                return new Unavailable("the status store is not available yet (state " + streams.state() + ")");
            }
            if (!self.equals(where.activeHost())) {
                return new Elsewhere(where.activeHost().host() + ":" + where.activeHost().port());
            }
            ReadOnlyKeyValueStore<String, String> store = streams.store(StoreQueryParameters
                    .fromNameAndType(StoreNames.HISTORY, QueryableStoreTypes.<String, String>keyValueStore())
                    .withPartition(where.partition()));
            String json = store.get(requestId);
            return json == null ? new NotFound() : new Found(StatusHistory.parse(requestId, json));
        } catch (InvalidStateStoreException e) {
            return new Unavailable("the status store is migrating or restoring (" + e.getMessage() + ")");
        }
    }
}
