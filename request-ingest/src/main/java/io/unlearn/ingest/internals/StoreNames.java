package io.unlearn.ingest.internals;

/** Names of the state stores of the ingest topology (global ones are read-only views of topics). */
public final class StoreNames {
    /** Global: sample ids, the subject → samples index and the known labels, from unlearn.catalog.samples. */
    public static final String CATALOG = "ingest-catalog";
    /** Global: modelId|sampleId → versionId that forgot it, from unlearn.catalog.forgotten. */
    public static final String FORGOTTEN = "ingest-forgotten";
    /** Global: modelId → latest versionId, from unlearn.models.versions. */
    public static final String MODELS = "ingest-models";
    /** Local, logged: requestId → digest of the first payload seen (de-duplication). */
    public static final String REQUESTS = "ingest-requests";
    /** Local, logged: requestId → status history as JSON (for GET /v1/requests/{id}). */
    public static final String HISTORY = "ingest-status-history";

    private StoreNames() {
    }
}
