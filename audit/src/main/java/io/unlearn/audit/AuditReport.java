package io.unlearn.audit;

import io.unlearn.audit.internals.HtmlReport;
import io.unlearn.audit.internals.JsonReport;
import io.unlearn.audit.internals.TextReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One way to show an {@link AuditResult}: {@link #text()} for a terminal, {@link #json()} for machines, {@link #html()}
 * as a self-contained page. The writers never print anywhere else and never close a {@link Writer} they are given.
 */
@FunctionalInterface
public interface AuditReport {

    /**
     * The checks table, requests by final state, versions with verdicts, then every failure and warning on one line;
     * without the final verdict line ({@link AuditResult#verdictLine()}), which a caller prints where it fits.
     */
    static AuditReport text() {
        return TextReport::render;
    }

    /**
     * {@code verified}, {@code asOf}, {@code models}, {@code checks} (counts), {@code findings} (severity, check,
     * subject, message), {@code requests} (by final state) and {@code versions} (with verdicts); times as ISO-8601 text.
     */
    static AuditReport json() {
        return JsonReport::render;
    }

    /** One HTML page: inline CSS, no scripts, no external resources. */
    static AuditReport html() {
        return HtmlReport::render;
    }

    /** The report as one string. */
    String render(AuditResult result);

    /** Writes the report to {@code out} and flushes it; {@code out} stays open. */
    default void write(AuditResult result, Writer out) throws IOException {
        out.write(render(result));
        out.flush();
    }

    /** Writes the report to {@code file} in UTF-8, replacing what was there. */
    default void write(AuditResult result, Path file) throws IOException {
        Files.writeString(file, render(result), StandardCharsets.UTF_8);
    }
}
