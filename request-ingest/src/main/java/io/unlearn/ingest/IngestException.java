package io.unlearn.ingest;

import io.unlearn.runtime.FatalServiceException;

/**
 * The unchecked exception of request-ingest: a failure that repeats until something changes (configuration, an
 * address to bind, a reachable broker); its message says what happened and the fix.
 */
public class IngestException extends FatalServiceException {
    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
