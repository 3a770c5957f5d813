package io.unlearn.ingest.internals;

import io.unlearn.events.RequestStatus;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** unlearn.requests.status (from every service) → {@link StoreNames#HISTORY}, for status lookups. */
final class StatusHistoryProcessor implements Processor<String, RequestStatus, Void, Void> {
    private KeyValueStore<String, String> history;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        history = context.getStateStore(StoreNames.HISTORY);
    }

    @Override
    public void process(Record<String, RequestStatus> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        history.put(record.key(), StatusHistory.append(history.get(record.key()), record.value()));
    }
}
