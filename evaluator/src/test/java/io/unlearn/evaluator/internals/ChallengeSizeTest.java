package io.unlearn.evaluator.internals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The challenge set's size: the batch's, raised to challenge.min.forget.size, never above a quarter of the candidates. */
class ChallengeSizeTest {
    @Test
    void aTinyBatchIsChallengedOnTheMinimumSize() {
        assertThat(WorstCaseChallenger.challengeSize(6, 100, 9_000)).isEqualTo(100);
    }

    @Test
    void aLargeBatchKeepsItsOwnSize() {
        assertThat(WorstCaseChallenger.challengeSize(300, 100, 9_000)).isEqualTo(300);
    }

    @Test
    void theMinimumYieldsToAQuarterOfTheCandidatesButNeverShrinksTheBatch() {
        assertThat(WorstCaseChallenger.challengeSize(6, 100, 200)).isEqualTo(50);
        assertThat(WorstCaseChallenger.challengeSize(80, 100, 200)).isEqualTo(80);
    }
}
