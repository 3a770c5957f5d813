package io.unlearn.runtime;

/**
 * The one unchecked root exception of the services. Never thrown as such: a service throws a
 * {@link RetriableServiceException} (the same call can succeed later; a restart resumes from the last commit) or a
 * {@link FatalServiceException} (it fails again until something is changed: configuration, data or deployment).
 * Each service's own exception extends one of the two; the message says what happened, what follows and the fix.
 */
public abstract class ServiceException extends RuntimeException {
    protected ServiceException(String message) {
        super(message);
    }

    protected ServiceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether retrying (or restarting the service unchanged) can succeed. */
    public abstract boolean isRetriable();
}
