package io.unlearn.cli;

import io.unlearn.runtime.LoopService;

/** What {@code unlearn worker} and {@code unlearn evaluator} share once their service runs: the launcher's part. */
final class LoopServices {
    private LoopServices() {
    }

    /**
     * Stops {@code service} on Ctrl-C, prints {@code banner}, blocks until the loop ends and turns its failure into
     * the command's one-line error.
     *
     * @param what the service as the user knows it, e.g. {@code worker}
     */
    static int runUntilStopped(LoopService service, String what, String banner) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "unlearn-" + what + "-shutdown"));
        System.out.println(banner);
        System.out.flush();
        service.awaitTermination();
        if (service.failure() != null) {
            throw new CliException("the " + what + " stopped: " + service.failure().getMessage());
        }
        return 0;
    }
}
