package io.unlearn.ml.worstcase;

import static org.assertj.core.api.Assertions.assertThat;

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

class ForgetSetEvaluationTest {

    @Test
    void retrainIsTheReferenceAndEveryMethodIsScoredAgainstIt() {
        UnlearnDataset data = TestData.fashionSlice(600, 200);
        try (Classifier model = ModelTraining.trainNew(TestData.smallMlp(2, 3), data.train(), TestData.cpu(),
                ProgressListener.NONE).model()) {
            List<String> forget = data.randomForgetIds(0.05, 2);
            List<ProgressEvent> events = new ArrayList<>();
            ForgetSetEvaluation.Result r = ForgetSetEvaluation.evaluate(model, data, forget, List.of("ft", "retrain", "ga"),
                    Map.of("retrain", Map.of("epochs", 1)), 4, events::add);
            assertThat(r.scores()).extracting(ForgetSetEvaluation.MethodScore::method)
                    .containsExactly("retrain", "ft", "ga");
            assertThat(r.forgetSize()).isEqualTo(forget.size());
            assertThat(r.digest()).isEqualTo(WorstCaseForgetSet.digestOf(forget));
            assertThat(r.scores().get(0).avgGap()).isZero();
            ForgetSetEvaluation.MethodScore ft = r.scores().get(1);
            assertThat(ft.avgGap()).isEqualTo(ft.metrics().avgGap(r.retrain())).isPositive();
            assertThat(r.scores()).allSatisfy(s -> assertThat(s.metrics().ta()).isBetween(0.0, 100.0));
            assertThat(events).extracting(ProgressEvent::stage).contains("evaluate/retrain/score", "evaluate/ft/score",
                    "evaluate/ga/score");
        }
    }
}
