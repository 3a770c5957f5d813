package io.unlearn.schemas;

import io.unlearn.events.RequestState;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static io.unlearn.events.RequestState.ACCEPTED;
import static io.unlearn.events.RequestState.APPLIED;
import static io.unlearn.events.RequestState.BATCHED;
import static io.unlearn.events.RequestState.FAILED;
import static io.unlearn.events.RequestState.RECEIVED;
import static io.unlearn.events.RequestState.REJECTED;
import static io.unlearn.events.RequestState.UNKNOWN;
import static io.unlearn.events.RequestState.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestLifecycleTest {

    @Test
    void theHappyPathsAreAllowed() {
        assertThat(RequestLifecycle.INITIAL).isEqualTo(RECEIVED);
        assertThat(RequestLifecycle.canMove(RECEIVED, ACCEPTED)).isTrue();
        assertThat(RequestLifecycle.canMove(ACCEPTED, BATCHED)).isTrue();
        assertThat(RequestLifecycle.canMove(BATCHED, APPLIED)).isTrue();
        assertThat(RequestLifecycle.canMove(APPLIED, VERIFIED)).isTrue();
        assertThat(RequestLifecycle.canMove(RECEIVED, REJECTED)).isTrue();
    }

    @Test
    void everyNonFinalStateCanFail() {
        for (RequestState state : EnumSet.of(RECEIVED, ACCEPTED, BATCHED, APPLIED)) {
            assertThat(RequestLifecycle.canMove(state, FAILED)).as(state + " -> FAILED").isTrue();
        }
    }

    @Test
    void exactlyTheDrawnMovesExist() {
        int moves = 0;
        for (RequestState from : RequestState.values()) {
            moves += RequestLifecycle.next(from).size();
        }
        assertThat(moves).as("the nine drawn moves plus APPLIED → AWAITING_EVIDENCE → VERIFIED | FAILED, and"
                + " APPLIED | AWAITING_EVIDENCE → ESCALATING → APPLIED | FAILED | VERIFIED | AWAITING_EVIDENCE").isEqualTo(18);
    }

    @Test
    void finalStatesAllowNothing() {
        for (RequestState state : RequestState.values()) {
            assertThat(RequestLifecycle.isTerminal(state))
                    .as(state.name()).isEqualTo(Set.of(REJECTED, VERIFIED, FAILED).contains(state));
            if (RequestLifecycle.isTerminal(state)) {
                assertThat(RequestLifecycle.next(state)).isEmpty();
            }
        }
    }

    @Test
    void skipsBackwardsRepeatsAndUnknownsAreRefused() {
        assertThat(RequestLifecycle.canMove(RECEIVED, APPLIED)).isFalse();
        assertThat(RequestLifecycle.canMove(APPLIED, ACCEPTED)).isFalse();
        assertThat(RequestLifecycle.canMove(ACCEPTED, ACCEPTED)).isFalse();
        assertThat(RequestLifecycle.canMove(ACCEPTED, REJECTED)).isFalse();
        assertThat(RequestLifecycle.canMove(UNKNOWN, FAILED)).isFalse();
        assertThat(RequestLifecycle.canMove(RECEIVED, UNKNOWN)).isFalse();
        assertThat(RequestLifecycle.canMove(null, RECEIVED)).isFalse();
    }

    @Test
    void requireMoveNamesTheRequestAndTheAllowedStates() {
        RequestLifecycle.requireMove("r-1", BATCHED, APPLIED);
        assertThatThrownBy(() -> RequestLifecycle.requireMove("r-1", VERIFIED, FAILED))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("Request r-1 cannot move from VERIFIED to FAILED")
                .hasMessageContaining("may only move to []");
    }

    @Test
    void anEscalatedRequestIsAppliedAgainOrFailsOrIsJudgedOnTheVersionThatAlreadyReappliedIt() {
        assertThat(RequestLifecycle.next(io.unlearn.events.RequestState.ESCALATING))
                .containsExactlyInAnyOrder(APPLIED, FAILED, VERIFIED, io.unlearn.events.RequestState.AWAITING_EVIDENCE);
        assertThat(RequestLifecycle.canMove(APPLIED, io.unlearn.events.RequestState.ESCALATING)).isTrue();
        assertThat(RequestLifecycle.canMove(VERIFIED, io.unlearn.events.RequestState.ESCALATING)).as("VERIFIED stays final").isFalse();
        assertThat(RequestLifecycle.isTerminal(io.unlearn.events.RequestState.ESCALATING)).isFalse();
    }
}
