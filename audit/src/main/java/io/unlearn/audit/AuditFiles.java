package io.unlearn.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * How an audit is shown to a person: the text report for the console, and the JSON and HTML files when asked for,
 * each named once written. {@code unlearn audit replay} and the demo show their audits this way.
 */
public final class AuditFiles {
    private AuditFiles() {
    }

    /**
     * Writes the files that are not null and returns the text report followed by a "wrote FILE" line per file
     * (without the verdict line, which the caller prints where it fits).
     *
     * @throws UncheckedIOException when a file cannot be written
     */
    public static String writeAndRender(AuditResult result, Path jsonFile, Path htmlFile) {
        StringBuilder console = new StringBuilder(AuditReport.text().render(result));
        String nl = System.lineSeparator();
        if (jsonFile != null) {
            write(AuditReport.json(), result, jsonFile);
            console.append(nl).append("wrote ").append(jsonFile).append(nl);
        }
        if (htmlFile != null) {
            write(AuditReport.html(), result, htmlFile);
            console.append(jsonFile == null ? nl : "").append("wrote ").append(htmlFile).append(nl);
        }
        return console.toString();
    }

    private static void write(AuditReport report, AuditResult result, Path file) {
        try {
            report.write(result, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit to " + file + " (" + e.getMessage()
                    + "); check that its directory exists and is writable", e);
        }
    }
}
