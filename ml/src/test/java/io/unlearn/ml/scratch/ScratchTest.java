package io.unlearn.ml.scratch;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.*;
import io.unlearn.ml.train.ModelTraining;
import io.unlearn.ml.unlearn.*;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void timing() {
        UnlearnDataset data = TestData.fashionSlice(10000, 2000);
        ModelSpec spec = ModelSpec.cnn(List.of(1L, 28L, 28L), 10, TrainingSpec.builder().optEpochs(1).build());
        try (Classifier m = ModelTraining.trainNew(spec, data.train(), TestData.cpu(), ProgressListener.NONE).model()) {
            UnlearningTask t = UnlearningTask.builder().setModel(m).setDataset(data).setForgetIds(data.randomForgetIds(0.1, 1)).build();
            for (String name : List.of("ft", "neggrad+", "ft", "scrub", "rl", "salun", "neggrad+")) {
                long t0 = System.nanoTime();
                com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                long c0 = os.getProcessCpuTime();
                long[] last = {t0};
                try (UnlearningResult r = UnlearningMethods.byName(name).unlearn(t, e -> { long n = System.nanoTime(); System.out.printf("  %s %.2fs%n", e, (n-last[0])/1e9); last[0]=n; })) {
                    System.out.printf("%s %.2f s wall, %.2f s cpu, load %.2f%n", name, r.report().seconds(), (os.getProcessCpuTime()-c0)/1e9, os.getSystemLoadAverage());
                }
            }
        }
    }
}
