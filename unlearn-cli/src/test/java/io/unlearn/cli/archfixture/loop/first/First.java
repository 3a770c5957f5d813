package io.unlearn.cli.archfixture.loop.first;

import io.unlearn.cli.archfixture.loop.second.Second;

/** Half of a deliberate package loop (first → second → first's internals), for {@code PackageCyclesTest}. */
public final class First {
    public Second next() {
        return new Second();
    }
}
