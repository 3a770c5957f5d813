package io.unlearn.ingest.internals;

import io.unlearn.events.RequestStatus;
import org.apache.kafka.streams.state.KeyValueStore;

/** unlearn.requests.status (from every service) → {@link StoreNames#HISTORY}, for status lookups. */
final class StatusHistoryProcessor extends StoreUpdater<RequestStatus> {
    StatusHistoryProcessor() {
        super(StoreNames.HISTORY);
    }

    @Override
    protected void update(KeyValueStore<String, String> history, String requestId, RequestStatus status) {
        if (requestId == null || status == null) {
            return;
        }
        history.put(requestId, StatusHistory.append(history.get(requestId), status));
    }
}
