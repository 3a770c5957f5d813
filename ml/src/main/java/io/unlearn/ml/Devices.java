package io.unlearn.ml;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the compute device from a setting. CPU always works; a GPU is used only when asked for
 * and the engine reports one (the build ships PyTorch's CPU natives only).
 */
public final class Devices {

    private static final Logger LOG = LoggerFactory.getLogger(Devices.class);

    private Devices() {
    }

    /**
     * Resolves a device setting.
     *
     * @param setting {@code cpu} (the default when null or blank), {@code gpu} (GPU 0, falls back to
     *     the CPU with a warning when the engine has none) or {@code gpu:N}
     * @return the device to use
     * @throws UnlearnException for any other setting
     */
    public static Device resolve(String setting) {
        String s = setting == null || setting.isBlank() ? "cpu" : setting.trim().toLowerCase(Locale.ROOT);
        if (s.equals("cpu")) {
            return Device.cpu();
        }
        if (s.equals("gpu") || s.startsWith("gpu:")) {
            int id = s.equals("gpu") ? 0 : parseGpuId(s);
            int gpus = Engine.getInstance().getGpuCount();
            if (id < gpus) {
                return Device.gpu(id);
            }
            LOG.warn("device '{}' requested but the engine reports {} GPU(s): using the CPU", setting, gpus);
            return Device.cpu();
        }
        throw new UnlearnException("unknown device setting '" + setting + "'; use cpu, gpu or gpu:N");
    }

    private static int parseGpuId(String s) {
        try {
            return Integer.parseInt(s.substring(4));
        } catch (NumberFormatException e) {
            throw new UnlearnException("bad GPU id in device setting '" + s + "'; use gpu:0, gpu:1, ...", e);
        }
    }

    /**
     * Sets DJL's offline switches as system properties when they are not already set, so DJL never
     * looks up a cloud metadata address or downloads natives. Call first thing in a {@code main}.
     */
    public static void applyOfflineDefaults() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("DJL_OFFLINE", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }
}
