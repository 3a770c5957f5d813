package io.unlearn.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A command that talks to a cluster: the local stack's by default, any other through the {@link ClusterOptions}. */
abstract class ClusterCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;
}
