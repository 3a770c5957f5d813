package io.unlearn.ml.unlearn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.unlearn.ml.ProgressEvent;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.train.ModelTraining;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalUnMaskTest {

    @Test
    void onlySalientWeightsMove() {
        UnlearnDataset data = TestData.fashionSlice(600, 100);
        try (Classifier original = ModelTraining.trainNew(TestData.smallMlp(1, 2), data.train(), TestData.cpu(),
                ProgressListener.NONE).model()) {
            UnlearningTask task = UnlearningTask.builder().setModel(original).setDataset(data)
                    .setForgetIds(data.randomForgetIds(0.1, 1)).optHyperparameters(Map.of("mask_ratio", 0.2)).build();
            List<ProgressEvent> events = new ArrayList<>();
            try (UnlearningResult r = UnlearningMethods.byName("salun").unlearn(task, events::add)) {
                long changed = 0;
                long total = 0;
                List<Pair<String, Parameter>> before = original.block().getParameters().stream().toList();
                List<Pair<String, Parameter>> after = r.model().block().getParameters().stream().toList();
                for (int i = 0; i < before.size(); i++) {
                    float[] a = before.get(i).getValue().getArray().toFloatArray();
                    float[] b = after.get(i).getValue().getArray().toFloatArray();
                    for (int j = 0; j < a.length; j++) {
                        changed += a[j] != b[j] ? 1 : 0;
                    }
                    total += a.length;
                }
                double selected = events.stream().filter(e -> e.stage().equals("salun/mask")).findFirst()
                        .orElseThrow().value("loss");
                assertThat(selected).isBetween(0.2, 0.21);
                assertThat((double) changed / total).isGreaterThan(0.1).isLessThanOrEqualTo(selected);
            }
        }
    }
}
