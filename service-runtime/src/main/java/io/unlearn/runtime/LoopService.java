package io.unlearn.runtime;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of a service that is one {@link ServiceLoop} on its own thread: {@link #start()} starts the thread,
 * {@link #awaitReady} waits for the loop to own partitions, {@link #failure()} says why it stopped, {@link #close()}
 * stops it and waits up to {@link #DEFAULT_CLOSE_TIMEOUT}. A loop that throws is logged once, with what follows: a
 * {@link RetriableServiceException} resumes from the last commit on restart, anything else needs the fix its
 * message names. Never installs shutdown hooks nor exits the JVM (that is the launcher's business).
 */
public abstract class LoopService implements AutoCloseable {
    /** How long {@link #close()} waits for the loop to finish its current step. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(LoopService.class);

    private final String name;
    private final ServiceLoop loop;
    private final Thread thread;
    private volatile Throwable failure;

    /** @param name the service's name, e.g. {@code unlearn-worker}; its thread is {@code <name>-loop} */
    protected LoopService(String name, ServiceLoop loop) {
        this.name = name;
        this.loop = loop;
        this.thread = new Thread(this::runLoop, name + "-loop");
    }

    /** Starts the loop's thread; returns at once. */
    protected final void start() {
        thread.start();
    }

    /**
     * Waits until this instance owns partitions (joined its group) and has loaded the state it needs.
     *
     * @return false when that did not happen within {@code timeout}
     */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return loop.awaitReady(timeout);
    }

    /** Whether the loop is still running; when it stopped on an error, {@link #failure()} says which. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Why the loop stopped, or null while it runs or after a clean close. */
    public Throwable failure() {
        return failure;
    }

    /** Blocks until the loop ends (closed or failed). */
    public void awaitTermination() throws InterruptedException {
        thread.join();
    }

    /** Stops the loop after its current step and waits up to {@link #DEFAULT_CLOSE_TIMEOUT}. */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }

    /** Stops the loop after its current step and waits up to {@code timeout}; logs when it is still running then. */
    public void close(Duration timeout) {
        loop.close();
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("{} still busy {} s after close; its thread ends after the current step", name, timeout.toSeconds());
        }
    }

    private void runLoop() {
        try {
            loop.run();
        } catch (RuntimeException e) {
            failure = e;
            if (e instanceof ServiceException s && s.isRetriable()) {
                log.error("{} stopped: {} (a restart resumes from the last commit)", name, e.getMessage(), e);
            } else {
                log.error("{} stopped: {}", name, e.getMessage(), e);
            }
        }
    }
}
