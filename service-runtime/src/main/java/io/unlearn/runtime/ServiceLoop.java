package io.unlearn.runtime;

import java.time.Duration;

/**
 * A service's consume → process → publish loop, run on one thread by {@link LoopService}. {@link #run()} returns
 * once {@link #close()} was called (or throws what stopped it); {@link #close()} is called from another thread.
 */
public interface ServiceLoop extends Runnable {

    /** Waits until the loop owns partitions and has loaded what it needs; false when that did not happen in time. */
    boolean awaitReady(Duration timeout) throws InterruptedException;

    /** Asks the loop to stop after its current step (e.g. sets a flag and wakes the consumer up); does not wait. */
    void close();
}
