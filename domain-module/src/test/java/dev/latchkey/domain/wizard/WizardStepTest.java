package dev.latchkey.domain.wizard;

import static dev.latchkey.domain.wizard.WizardMove.ACKNOWLEDGE;
import static dev.latchkey.domain.wizard.WizardMove.BACK;
import static dev.latchkey.domain.wizard.WizardMove.CANCEL;
import static dev.latchkey.domain.wizard.WizardMove.EXPIRE;
import static dev.latchkey.domain.wizard.WizardMove.SAVE_IN_VAULT;
import static dev.latchkey.domain.wizard.WizardMove.SUBMIT_DETAILS;
import static dev.latchkey.domain.wizard.WizardMove.SUBMIT_SCOPES;
import static dev.latchkey.domain.wizard.WizardStep.ACKNOWLEDGED;
import static dev.latchkey.domain.wizard.WizardStep.CANCELLED;
import static dev.latchkey.domain.wizard.WizardStep.DETAILS;
import static dev.latchkey.domain.wizard.WizardStep.EXPIRED;
import static dev.latchkey.domain.wizard.WizardStep.SCOPES;
import static dev.latchkey.domain.wizard.WizardStep.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.latchkey.domain.shared.ConflictException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every (step, move) pair against the wizard's transition table, written out here independently of the code. */
class WizardStepTest {
    /** The rules as the product describes them, for this test and for the random walks in {@link ApiKeyWizardTest}. */
    static final Map<WizardStep, Map<WizardMove, WizardStep>> LEGAL = Map.of(
            DETAILS, Map.of(SUBMIT_DETAILS, SCOPES, CANCEL, CANCELLED, EXPIRE, EXPIRED),
            SCOPES, Map.of(BACK, DETAILS, SUBMIT_SCOPES, STORE, CANCEL, CANCELLED, EXPIRE, EXPIRED),
            STORE, Map.of(SAVE_IN_VAULT, STORE, ACKNOWLEDGE, ACKNOWLEDGED, CANCEL, CANCELLED, EXPIRE, EXPIRED),
            ACKNOWLEDGED, Map.of(),
            CANCELLED, Map.of(),
            EXPIRED, Map.of());

    static Stream<Arguments> everyStepAndMove() {
        return Arrays.stream(WizardStep.values())
                .flatMap(step -> Arrays.stream(WizardMove.values()).map(move -> Arguments.of(step, move)));
    }

    static Stream<Arguments> legalMoves() {
        return everyStepAndMove().filter(pair -> LEGAL.get(pair.get()[0]).containsKey(pair.get()[1]));
    }

    static Stream<Arguments> illegalMoves() {
        return everyStepAndMove().filter(pair -> !LEGAL.get(pair.get()[0]).containsKey(pair.get()[1]));
    }

    @Test
    void expectedTableCoversEveryStep() {
        assertThat(LEGAL).containsOnlyKeys(WizardStep.values());
        assertThat(legalMoves()).hasSize(11);
        assertThat(illegalMoves()).hasSize(WizardStep.values().length * WizardMove.values().length - 11);
    }

    @ParameterizedTest(name = "{0} --{1}--> allowed")
    @MethodSource("legalMoves")
    void legalMoveLeadsToTheExpectedStep(WizardStep step, WizardMove move) {
        WizardStep expected = LEGAL.get(step).get(move);

        assertThat(step.next(move)).isEqualTo(expected);
        assertThat(step.after(move)).contains(expected);
    }

    @ParameterizedTest(name = "{0} --{1}--> refused")
    @MethodSource("illegalMoves")
    void illegalMoveIsRefusedNamingStepAndMove(WizardStep step, WizardMove move) {
        assertThat(step.after(move)).isEmpty();

        IllegalWizardMoveException refused =
                catchThrowableOfType(IllegalWizardMoveException.class, () -> step.next(move));

        assertThat(refused).isInstanceOf(ConflictException.class);
        assertThat(refused.current()).isEqualTo(step);
        assertThat(refused.attempted()).isEqualTo(move);
        assertThat(refused.code()).isEqualTo(step == EXPIRED ? "wizard_expired" : "wizard_step_conflict");
        assertThat(refused.getMessage()).contains(step.wireName()).contains(move.toString());
    }

    @ParameterizedTest
    @EnumSource(WizardStep.class)
    void finalStepsAreExactlyThoseWithNoWayOut(WizardStep step) {
        assertThat(step.isFinal()).isEqualTo(LEGAL.get(step).isEmpty());
    }

    @Test
    void onlyUnfinishedStepsCanBeCancelledOrExpired() {
        EnumSet<WizardStep> unfinished = EnumSet.of(DETAILS, SCOPES, STORE);
        for (WizardStep step : WizardStep.values()) {
            assertThat(step.after(CANCEL).isPresent())
                    .as("cancel from %s", step)
                    .isEqualTo(unfinished.contains(step));
            assertThat(step.after(EXPIRE).isPresent())
                    .as("expire from %s", step)
                    .isEqualTo(unfinished.contains(step));
        }
    }
}
