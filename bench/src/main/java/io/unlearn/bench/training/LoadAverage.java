package io.unlearn.bench.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load averages (1, 5, 15 min) from /proc/loadavg, so a figure measured on a busy machine says so. */
final class LoadAverage {

    private LoadAverage() {
    }

    /** @return e.g. {@code "14.12 14.16 15.14"}, or {@code "unknown"} where /proc/loadavg cannot be read */
    static String read() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
