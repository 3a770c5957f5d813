package io.unlearn.evaluator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unlearn.evaluator.EvaluatorService;
import io.unlearn.events.EvaluationReport;
import io.unlearn.schemas.KeyPartitions;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import io.unlearn.worker.BaseModels;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two evaluators in one consumer group share the models by partition of {@code unlearn.models.versions}: each version
 * gets exactly one report, both instances report some; once one stops, the other takes over its partitions.
 */
@ExtendWith(LocalStackExtension.class)
class EvaluatorScaleOutIT {
    private static final Duration WAIT = Duration.ofSeconds(180);

    @Test
    void twoEvaluatorsShareTheModelsAndTheSurvivorTakesOverTheOthersPartitions(LocalStack stack, @TempDir Path dir) throws Exception {
        EvaluatorFixture f = new EvaluatorFixture(stack, dir.resolve("artifacts"));
        SimpleMeterRegistry metersA = new SimpleMeterRegistry();
        SimpleMeterRegistry metersB = new SimpleMeterRegistry();
        // distinct instance ids: the same one would give both the same transactional.id, and each would fence the other
        EvaluatorService a = f.startEvaluator(dir.resolve("a"), Map.of("instance.id", "evaluator-a"), metersA);
        EvaluatorService b = f.startEvaluator(dir.resolve("b"), Map.of("instance.id", "evaluator-b"), metersB);
        try {
            List<String> first = onePerPartition(f.prefix + "-first");
            publishBases(f, first);
            assertOneBasicReportEach(f, first);
            assertThat(basicReports(metersA)).as("evaluator a reported some of the models").isPositive();
            assertThat(basicReports(metersB)).as("evaluator b reported some of the models").isPositive();
            assertThat(basicReports(metersA) + basicReports(metersB)).as("one report per version between them").isEqualTo(first.size());

            b.close();
            double beforeA = basicReports(metersA);
            List<String> second = onePerPartition(f.prefix + "-second");
            publishBases(f, second);
            assertOneBasicReportEach(f, second);
            assertThat(basicReports(metersA) - beforeA).as("the survivor reported every model, b's partitions included").isEqualTo(second.size());
        } finally {
            a.close();
            b.close();
        }
    }

    private static void publishBases(EvaluatorFixture f, List<String> models) throws Exception {
        for (String m : models) {
            BaseModels.trainAndPublish(f.worker(), m, "mlp", 1, e -> { }, Clock.systemUTC());
        }
    }

    private static void assertOneBasicReportEach(EvaluatorFixture f, List<String> models) {
        List<EvaluationReport> reports = f.reports(r -> models.contains(r.getModelId()) && r.getWorstCase() == null, models.size(), WAIT);
        assertThat(reports).as("one basic report per BASE version").hasSize(models.size())
                .extracting(EvaluationReport::getModelId).containsExactlyInAnyOrderElementsOf(models);
    }

    private static double basicReports(SimpleMeterRegistry meters) {
        var c = meters.find("unlearn.evaluator.reports").tag("stage", "basic").counter();
        return c == null ? 0 : c.count();
    }

    /** One model id per partition of the versions topic (keyed by modelId). */
    private static List<String> onePerPartition(String prefix) {
        return KeyPartitions.balanced(prefix + "-m", Topics.MODEL_VERSIONS.partitions(), Topics.MODEL_VERSIONS.partitions());
    }
}
