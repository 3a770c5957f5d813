package io.unlearn.ingest;

/** The one unchecked exception of request-ingest; its message says what happened and the fix. */
public class IngestException extends RuntimeException {
    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
