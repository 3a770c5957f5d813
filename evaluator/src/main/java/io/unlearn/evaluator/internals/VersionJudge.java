package io.unlearn.evaluator.internals;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;

/**
 * The basic evaluation of one version as the loop sees it: {@link VersionEvaluator} in the service, a stub in the
 * loop's unit tests. Never throws for a bad version: it answers a REJECTED or INCONCLUSIVE report instead.
 */
public interface VersionJudge {
    EvaluationReport evaluate(ModelVersion v, EvaluatorState state);
}
