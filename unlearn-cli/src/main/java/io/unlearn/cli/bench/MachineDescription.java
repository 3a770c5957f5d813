package io.unlearn.cli.bench;

/** One line naming the machine a benchmark ran on, for the tables. */
final class MachineDescription {
    private MachineDescription() {
    }

    static String describe() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MiB max heap, Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch");
    }
}
