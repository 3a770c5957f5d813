package io.unlearn.cli;

/**
 * DJL must never call home: without offline mode its engine lookup contacts a cloud metadata address
 * (an address off loopback that no run may reach). Set first thing in {@code main}, before any DJL class loads;
 * values already given on the command line win.
 */
final class OfflineDefaults {
    private OfflineDefaults() {
    }

    static void apply() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
