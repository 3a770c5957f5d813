package io.unlearn.schemas;

/** A topic's {@code cleanup.policy}: what the broker does with old records. */
public enum CleanupPolicy {
    /** Delete records older than {@code retention.ms} (never, when it is -1). */
    DELETE("delete"),
    /** Keep the latest record per key; a null value (tombstone) removes the key. */
    COMPACT("compact");

    private final String configValue;

    CleanupPolicy(String configValue) {
        this.configValue = configValue;
    }

    /** The value of the {@code cleanup.policy} topic config. */
    public String configValue() {
        return configValue;
    }
}
