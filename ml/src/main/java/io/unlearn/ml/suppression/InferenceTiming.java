package io.unlearn.ml.suppression;

import io.unlearn.ml.data.DataView;
import java.lang.management.ManagementFactory;

/**
 * Times two models on the same samples, interleaved, after a warm-up, totalled over the repeats. Uses this process's
 * CPU time when the JVM reports it (on a machine shared with other work, wall time mostly measures the neighbours:
 * identical models differed by ±50% in wall time at a load of 12 on 2 cores), else wall time. CPU time equals the
 * compute cost when torch runs one intra-op thread; with more threads it also counts their spinning. Totalled, not the
 * best pass: the process CPU clock advances in 10 ms ticks, so on a pass of about 120 ms the best-of ratio moved in
 * steps of about 8% (an output mask measured 0 to 16.7% overhead); the total over the repeats divides the tick by them.
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
        long total0 = 0;
        long total1 = 0;
        for (int r = 0; r < repeats; r++) {
            long t0 = now();
            before.predict(view);
            long t1 = now();
            after.predict(view);
            long t2 = now();
            total0 += t1 - t0;
            total1 += t2 - t1;
        }
        double samples = (double) repeats * view.size();
        return new double[] {total0 / 1e6 / samples, total1 / 1e6 / samples};
    }

    private static long now() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0) {
            return os.getProcessCpuTime();
        }
        return System.nanoTime();
    }
}
