package io.unlearn.bench.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time spent by the threads of one Kafka Streams application (its stream threads, their producers' network
 * threads and the global thread: every thread whose name carries the application id) and by the whole process
 * (the in-process broker too). On a shared machine CPU time per request is a steadier measure of cost than
 * requests per second, which other loads on the cores skew.
 */
final class AppCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final String applicationId;
    private final long appStart;
    private final long processStart;

    private AppCpu(String applicationId) {
        this.applicationId = applicationId;
        this.appStart = appNanos(applicationId);
        this.processStart = processNanos();
    }

    /** Starts counting from now. */
    static AppCpu start(String applicationId) {
        return new AppCpu(applicationId);
    }

    /** @return the application's threads' CPU time since {@link #start}, in microseconds per request */
    double appMicrosPer(int requests) {
        return (appNanos(applicationId) - appStart) / 1e3 / requests;
    }

    /** @return the whole process's CPU time since {@link #start}, in microseconds per request */
    double processMicrosPer(int requests) {
        return (processNanos() - processStart) / 1e3 / requests;
    }

    private static long appNanos(String applicationId) {
        long sum = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(applicationId)) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                sum += Math.max(0, cpu);
            }
        }
        return sum;
    }

    private static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
