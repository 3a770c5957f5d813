package io.unlearn.cli.audit;

import io.unlearn.audit.AuditFiles;
import io.unlearn.audit.AuditResult;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How the launcher shows an audit: the text report on the console, and the JSON and HTML files when asked for
 * ({@code --out}, {@code --html}), each named once written ({@link AuditFiles}).
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

    private String render(AuditResult result) {
        return AuditFiles.writeAndRender(result, jsonFile, htmlFile);
    }
}
