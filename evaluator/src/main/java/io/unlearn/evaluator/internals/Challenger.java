package io.unlearn.evaluator.internals;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import java.util.Set;

/**
 * Runs the worst-case challenge of one version and returns its challenge report: {@link WorstCaseChallenger} in the
 * service, a stub in the tests (e.g. one that throws, for the retry path of {@link ChallengeRunner}).
 */
public interface Challenger {

    /**
     * What the challenge needs, copied from the loop's state so the challenge thread shares nothing mutable.
     *
     * @param attempt 1 for the first attempt, counting retries ({@link ChallengeRunner})
     */
    record Job(ModelVersion version, ModelVersion parent, Set<String> parentForgotten, EvaluationReport basic, int attempt) {
        public Job(ModelVersion version, ModelVersion parent, Set<String> parentForgotten, EvaluationReport basic) {
            this(version, parent, parentForgotten, basic, 1);
        }

        Job attempt(int n) {
            return new Job(version, parent, parentForgotten, basic, n);
        }
    }

    /**
     * @return the challenge report (its WorstCaseChallenge.attempts = {@code job.attempt()})
     * @throws RuntimeException when the challenge could not run; the runner retries it
     */
    EvaluationReport run(Job job);

    /** The label of the kind of set this challenger chooses (recorded in a report of a challenge that could not run). */
    default String setKind() {
        return "random";
    }
}
