package io.unlearn.demo;

import java.io.PrintStream;

/** Something to break when half of the requests are published (the end-to-end chaos tests); the demo breaks nothing. */
@FunctionalInterface
public interface DemoChaos {
    DemoChaos NONE = (cluster, services, out) -> { };

    void halfway(DemoCluster cluster, DemoServices services, PrintStream out) throws InterruptedException;
}
