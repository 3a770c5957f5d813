package io.unlearn.cli.audit;

import io.unlearn.audit.AuditReport;
import io.unlearn.audit.AuditResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How the launcher shows an audit: the text report on the console, and the JSON and HTML files when asked for
 * ({@code --out}, {@code --html}), each named once written. Used by {@code unlearn audit replay} and the demo.
 */
public final class AuditOutput {
    @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the result as JSON.")
    Path jsonFile;

    @Option(names = "--html", paramLabel = "FILE.html", description = "Also write the result as a self-contained HTML page.")
    Path htmlFile;

    /** For picocli: the files come from the options. */
    public AuditOutput() {
    }

    /** @param jsonFile where the JSON report goes, or null; {@code htmlFile} likewise */
    public AuditOutput(Path jsonFile, Path htmlFile) {
        this.jsonFile = jsonFile;
        this.htmlFile = htmlFile;
    }

    /** Prints the text report to {@code console}, writes the files and names them; the verdict line is the caller's. */
    public void print(AuditResult result, PrintWriter console) {
        console.print(render(result));
        console.flush();
    }

    /** As {@link #print(AuditResult, PrintWriter)}, in the stream's own encoding. */
    public void print(AuditResult result, PrintStream console) {
        console.print(render(result));
        console.flush();
    }

    /** @throws UncheckedIOException when a file cannot be written */
    private String render(AuditResult result) {
        StringBuilder console = new StringBuilder(AuditReport.text().render(result));
        String nl = System.lineSeparator();
        if (jsonFile != null) {
            write(AuditReport.json(), result, jsonFile);
            console.append("\nwrote ").append(jsonFile).append(nl);
        }
        if (htmlFile != null) {
            write(AuditReport.html(), result, htmlFile);
            console.append(jsonFile == null ? "\n" : "").append("wrote ").append(htmlFile).append(nl);
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
