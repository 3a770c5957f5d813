package io.unlearn.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Describes the machine a benchmark ran on, so its numbers can be compared honestly. */
public final class MachineInfo {

    private MachineInfo() {
    }

    /**
     * The engine benchmarks' description: date, CPU, cores, OS, Java, the DJL engine, the device and the torch
     * thread settings.
     *
     * @param device the device the benchmark computes on
     * @return the description, in this order
     */
    public static Map<String, Object> describe(Device device) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", LocalDate.now().toString());
        m.put("cpu", cpuModel());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("os", os());
        m.put("java", System.getProperty("java.version"));
        Engine engine = Engine.getInstance();
        m.put("engine", engine.getEngineName() + " " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ")");
        m.put("device", device.toString());
        m.put("torch threads", System.getProperty("ai.djl.pytorch.num_threads", "default") + " intra-op, "
                + System.getProperty("ai.djl.pytorch.num_interop_threads", "default") + " inter-op");
        return m;
    }

    /** @return one line for the streaming benchmarks' tables: cores, maximum heap, Java, OS */
    public static String summary() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MiB max heap, Java " + System.getProperty("java.version") + ", " + os();
    }

    private static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
