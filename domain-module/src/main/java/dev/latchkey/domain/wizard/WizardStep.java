package dev.latchkey.domain.wizard;

import dev.latchkey.domain.shared.WireNamed;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The wizard's steps and, in one place, every legal move between them: details → scopes → store → acknowledged,
 * back from scopes to details, and cancel or expire from any step before acknowledged. The table is written out in
 * {@code movesFrom}, a switch, so that the compiler checks every step has its row; it is built once, as the class loads.
 */
public enum WizardStep implements WireNamed {
    DETAILS("details"),
    SCOPES("scopes"),
    STORE("store"),
    ACKNOWLEDGED("acknowledged"),
    CANCELLED("cancelled"),
    EXPIRED("expired");

    private static final Map<WizardStep, Map<WizardMove, WizardStep>> TRANSITIONS = table();

    private final String wireName;

    WizardStep(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** Whether the wizard has ended, one way or another: no move leads anywhere from here. */
    public boolean isFinal() {
        return TRANSITIONS.get(this).isEmpty();
    }

    /** Where {@code move} leads from this step, if anywhere. */
    public Optional<WizardStep> after(WizardMove move) {
        return Optional.ofNullable(TRANSITIONS.get(this).get(move));
    }

    /** Where {@code move} leads from this step; an {@link IllegalWizardMoveException} if it is not a legal move. */
    public WizardStep next(WizardMove move) {
        return after(move).orElseThrow(() -> new IllegalWizardMoveException(this, move));
    }

    private static Map<WizardStep, Map<WizardMove, WizardStep>> table() {
        Map<WizardStep, Map<WizardMove, WizardStep>> table = new EnumMap<>(WizardStep.class);
        for (WizardStep step : values()) {
            table.put(step, movesFrom(step));
        }
        return Collections.unmodifiableMap(table);
    }

    private static Map<WizardMove, WizardStep> movesFrom(WizardStep step) {
        return switch (step) {
            case DETAILS ->
                Map.of(
                        WizardMove.SUBMIT_DETAILS, SCOPES,
                        WizardMove.CANCEL, CANCELLED,
                        WizardMove.EXPIRE, EXPIRED);
            case SCOPES ->
                Map.of(
                        WizardMove.BACK, DETAILS,
                        WizardMove.SUBMIT_SCOPES, STORE,
                        WizardMove.CANCEL, CANCELLED,
                        WizardMove.EXPIRE, EXPIRED);
            case STORE ->
                Map.of(
                        WizardMove.SAVE_IN_VAULT, STORE,
                        WizardMove.ACKNOWLEDGE, ACKNOWLEDGED,
                        WizardMove.CANCEL, CANCELLED,
                        WizardMove.EXPIRE, EXPIRED);
            case ACKNOWLEDGED, CANCELLED, EXPIRED -> Map.of();
        };
    }

    @Override
    public String toString() {
        return wireName;
    }
}
