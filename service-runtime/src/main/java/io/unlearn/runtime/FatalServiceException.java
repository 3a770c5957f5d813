package io.unlearn.runtime;

/**
 * A failure that repeats until something changes: invalid configuration, an address that cannot be bound, an
 * instance fenced by a newer one with the same {@code instance.id}. Retrying as is would fail again; the message
 * names what to change.
 */
public class FatalServiceException extends ServiceException {
    public FatalServiceException(String message) {
        super(message);
    }

    public FatalServiceException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final boolean isRetriable() {
        return false;
    }
}
