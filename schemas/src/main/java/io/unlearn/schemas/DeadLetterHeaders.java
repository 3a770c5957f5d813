package io.unlearn.schemas;

/**
 * Header names on records of {@link Topics#DEAD_LETTERS}. The record keeps the original key and value
 * bytes; these headers (UTF-8 strings) say where it came from and why it was set aside.
 */
public final class DeadLetterHeaders {

    /** Why the record was dead-lettered, in words that say what to fix. */
    public static final String REASON = "unlearn.dlq.reason";
    /** Class name of the exception that rejected it, when there was one. */
    public static final String EXCEPTION = "unlearn.dlq.exception";
    /** The topic the record was read from. */
    public static final String SOURCE_TOPIC = "unlearn.dlq.source.topic";
    /** The partition it was read from (decimal). */
    public static final String SOURCE_PARTITION = "unlearn.dlq.source.partition";
    /** The offset it was read from (decimal). */
    public static final String SOURCE_OFFSET = "unlearn.dlq.source.offset";
    /** The service that dead-lettered it, e.g. request-ingest. */
    public static final String SERVICE = "unlearn.dlq.service";
    /** When it was dead-lettered, ISO-8601 instant. */
    public static final String FAILED_AT = "unlearn.dlq.failed.at";

    private DeadLetterHeaders() {
    }
}
