package io.unlearn.cli.archfixture.loop.first.internals;

/** The implementation side of {@code First}: a loop through it is still a loop through {@code first}. */
public final class FirstHelper {
}
