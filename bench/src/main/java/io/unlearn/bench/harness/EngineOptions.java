package io.unlearn.bench.harness;

import ai.djl.Device;
import io.unlearn.ml.Devices;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.data.FashionMnist;
import io.unlearn.ml.data.UnlearnDataset;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What every engine benchmark (methods, concepts, worstcase) takes, as a picocli mixin: quick mode, the data,
 * the device and the base-model cache.
 */
public final class EngineOptions {
    /** Training samples in quick mode. */
    public static final int QUICK_TRAIN = 10_000;
    /** Test samples in quick mode. */
    public static final int QUICK_TEST = 2_000;
    /** Epochs of the base CNN (and of Retrain) in a full run: enough to (nearly) memorise the training set. */
    public static final int DEFAULT_BASE_EPOCHS = 25;
    /** Epochs of the base CNN in quick mode. */
    public static final int QUICK_BASE_EPOCHS = 8;

    @Option(names = "--quick", description = "A small run for a quick look: " + QUICK_TRAIN + " training and "
            + QUICK_TEST + " test samples, " + QUICK_BASE_EPOCHS + " base epochs, and the benchmark's smaller settings.")
    private boolean quick;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory of the Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
    private Path dataDir = FashionMnist.DEFAULT_DIR;

    @Option(names = "--device", paramLabel = "cpu|gpu|gpu:N", description = "Where to compute (default: ${DEFAULT-VALUE}).")
    private String device = "cpu";

    @Option(names = "--cache", paramLabel = "DIR|none", converter = PathOrNone.class,
            description = "Directory where trained base models are kept between runs and benchmarks (content-addressed);"
                    + " 'none' to train every time (default: ${DEFAULT-VALUE}).")
    private Path cache = Path.of("bench-out/checkpoints");

    /** @return quick mode */
    public boolean quick() {
        return quick;
    }

    /** @return the data directory */
    public Path dataDir() {
        return dataDir;
    }

    /** @return the device setting */
    public String device() {
        return device;
    }

    /** @return the base-model cache, or null for none */
    public Path cache() {
        return cache;
    }

    /**
     * @param explicit the epochs given on the command line, or null
     * @return those, or the default of the mode ({@value #DEFAULT_BASE_EPOCHS}, quick {@value #QUICK_BASE_EPOCHS})
     */
    public int baseEpochs(Integer explicit) {
        return explicit != null ? explicit : quick ? QUICK_BASE_EPOCHS : DEFAULT_BASE_EPOCHS;
    }

    /**
     * Where an engine benchmark runs.
     *
     * @param device the resolved device
     * @param data Fashion-MNIST, or its first {@value #QUICK_TRAIN} / {@value #QUICK_TEST} samples in quick mode
     * @param machine the machine's description ({@link MachineInfo#describe})
     * @param cache the base-model cache directory, or null for none
     */
    public record Setup(Device device, UnlearnDataset data, Map<String, Object> machine, Path cache) {
        /** The base model of {@code spec} on this set-up's data and device, from the cache or trained now. */
        public BaseModelCache.Base base(ModelSpec spec, ProgressListener listener) {
            return BaseModelCache.obtain(cache, spec, data, device, listener);
        }
    }

    /** @return the device, the data and the machine's description */
    public Setup setUp() {
        Device resolved = Devices.resolve(device);
        UnlearnDataset full = FashionMnist.load(dataDir);
        return new Setup(resolved, quick ? full.head(QUICK_TRAIN, QUICK_TEST) : full, MachineInfo.describe(resolved), cache());
    }
}
