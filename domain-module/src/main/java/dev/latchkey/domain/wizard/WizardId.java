package dev.latchkey.domain.wizard;

import dev.latchkey.domain.shared.Ids;

/** A wizard run's identifier. */
public record WizardId(String value) {
    public WizardId {
        if (!Ids.isId(value)) {
            throw new IllegalArgumentException("not a wizard id");
        }
    }

    public static WizardId generate() {
        return new WizardId(Ids.newId());
    }

    @Override
    public String toString() {
        return value;
    }
}
