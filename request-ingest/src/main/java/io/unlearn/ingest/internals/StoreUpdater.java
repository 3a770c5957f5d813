package io.unlearn.ingest.internals;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A processor that keeps one string key-value store in step with its source topic and forwards nothing; a subclass
 * says only how one record changes the store.
 */
public abstract class StoreUpdater<V> implements Processor<String, V, Void, Void> {
    private final String storeName;
    private KeyValueStore<String, String> store;

    protected StoreUpdater(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public final void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public final void process(Record<String, V> record) {
        update(store, record.key(), record.value());
    }

    /** Applies one record ({@code value} null for a tombstone) to the store. */
    protected abstract void update(KeyValueStore<String, String> store, String key, V value);
}
