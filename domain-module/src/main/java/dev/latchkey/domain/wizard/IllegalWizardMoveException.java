package dev.latchkey.domain.wizard;

import dev.latchkey.domain.shared.ConflictException;

/** A move the wizard's current step does not allow; names both, so the client knows where it stands. */
public final class IllegalWizardMoveException extends ConflictException {
    private static final long serialVersionUID = 1L;
    private final WizardStep current;
    private final WizardMove attempted;

    public IllegalWizardMoveException(WizardStep current, WizardMove attempted) {
        super(current == WizardStep.EXPIRED ? "wizard_expired" : "wizard_step_conflict", message(current, attempted));
        this.current = current;
        this.attempted = attempted;
    }

    private static String message(WizardStep current, WizardMove attempted) {
        return switch (current) {
            case EXPIRED ->
                "the wizard expired before it was acknowledged; start a new one (attempted: " + attempted + ")";
            case CANCELLED -> "the wizard was cancelled; start a new one (attempted: " + attempted + ")";
            case ACKNOWLEDGED ->
                "the wizard is finished: its key was acknowledged and is active (attempted: " + attempted + ")";
            default -> "the wizard is at step '" + current.wireName() + "', where you cannot " + attempted;
        };
    }

    public WizardStep current() {
        return current;
    }

    public WizardMove attempted() {
        return attempted;
    }
}
