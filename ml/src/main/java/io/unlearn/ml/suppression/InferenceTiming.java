package io.unlearn.ml.suppression;

import io.unlearn.ml.data.DataView;
import java.lang.management.ManagementFactory;

/**
 * Times two models on the same samples, interleaved, after a warm-up, best of the repeats. Uses this process's CPU
 * time when the JVM reports it (on a machine shared with other work, wall time mostly measures the neighbours:
 * identical models differed by ±50% in wall time at a load of 12 on 2 cores), else wall time. CPU time equals the
 * compute cost when torch runs one intra-op thread; with more threads it also counts their spinning.
 */
final class InferenceTiming {

    private InferenceTiming() {
    }

    /**
     * @return {@code [before, after]} in ms per sample
     */
    static double[] msPerSample(InferenceModel before, InferenceModel after, DataView view, int repeats) {
        before.predict(view);
        after.predict(view);
        double best0 = Double.MAX_VALUE;
        double best1 = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long t0 = now();
            before.predict(view);
            long t1 = now();
            after.predict(view);
            long t2 = now();
            best0 = Math.min(best0, (t1 - t0) / 1e6 / view.size());
            best1 = Math.min(best1, (t2 - t1) / 1e6 / view.size());
        }
        return new double[] {best0, best1};
    }

    private static long now() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0) {
            return os.getProcessCpuTime();
        }
        return System.nanoTime();
    }
}
