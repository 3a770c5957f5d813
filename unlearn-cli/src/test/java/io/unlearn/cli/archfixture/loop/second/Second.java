package io.unlearn.cli.archfixture.loop.second;

import io.unlearn.cli.archfixture.loop.first.internals.FirstHelper;

/** The other half of the deliberate loop of {@code First}. */
public final class Second {
    public FirstHelper back() {
        return new FirstHelper();
    }
}
