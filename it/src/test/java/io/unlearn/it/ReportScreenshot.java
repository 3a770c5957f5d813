package io.unlearn.it;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/** Renders an HTML page with headless Chromium (Debian's `chromium`) into a PNG, to prove the demo report opens in a browser. */
final class ReportScreenshot {

    private ReportScreenshot() {
    }

    static boolean chromiumAvailable() {
        return System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "chromium")));
    }

    /** @return the screenshot */
    static Path take(Path html, Path png) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--window-size=1200,2400", "--screenshot=" + png.toAbsolutePath(), html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(png.resolveSibling("chromium.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not render " + html + " within 120 s");
        }
        return png;
    }

    /** The page as Chromium rendered it (its DOM after loading, serialised), to check what a reader is shown. */
    static String renderedDom(Path html) throws IOException, InterruptedException {
        Path out = Files.createTempFile(html.getParent(), "rendered", ".html");
        Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", html.toUri().toString())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not render " + html + " within 120 s");
        }
        return Files.readString(out);
    }

    /** Distinct colours in the image: a blank or broken page has one or two, a page with charts hundreds. */
    static int distinctColours(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
