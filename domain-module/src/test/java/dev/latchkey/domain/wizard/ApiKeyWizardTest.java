package dev.latchkey.domain.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.workspace.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiKeyWizardTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final Instant START = MutableClock.START;
    private static final Instant DEADLINE = START.plus(TIMEOUT);

    private final ApiKeyWizard wizard = ApiKeyWizard.start(UserId.generate(), START, TIMEOUT);

    @Test
    void startsAtDetailsWithDeadlineOneTimeoutAhead() {
        assertThat(wizard.step(START)).isEqualTo(WizardStep.DETAILS);
        assertThat(wizard.deadline()).isEqualTo(DEADLINE);
        assertThat(wizard.details()).isEmpty();
        assertThat(wizard.keyId()).isEmpty();
    }

    @Test
    void expiresExactlyAtItsDeadline() {
        assertThat(wizard.step(DEADLINE.minusNanos(1))).isEqualTo(WizardStep.DETAILS);

        assertThat(wizard.step(DEADLINE)).isEqualTo(WizardStep.EXPIRED);
        assertThat(wizard.storedStep()).isEqualTo(WizardStep.DETAILS);
    }

    @Test
    void movePastDeadlineIsRefusedAsExpired() {
        assertThatThrownBy(() -> wizard.back(DEADLINE))
                .isInstanceOfSatisfying(IllegalWizardMoveException.class, refused -> {
                    assertThat(refused.current()).isEqualTo(WizardStep.EXPIRED);
                    assertThat(refused.code()).isEqualTo("wizard_expired");
                });
        assertThat(wizard.storedStep()).isEqualTo(WizardStep.DETAILS);
    }

    @Test
    void cancelledWizardStaysCancelledAfterDeadline() {
        wizard.cancel(START);

        assertThat(wizard.step(DEADLINE.plus(Duration.ofDays(1)))).isEqualTo(WizardStep.CANCELLED);
    }

    @Test
    void expireMarksTheStoredStep() {
        wizard.expire();

        assertThat(wizard.storedStep()).isEqualTo(WizardStep.EXPIRED);
        assertThatThrownBy(wizard::expire).isInstanceOf(IllegalWizardMoveException.class);
    }
}
