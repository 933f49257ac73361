package dev.latchkey.domain.wizard;

/** Something a person (or the clock) asks the wizard to do. */
public enum WizardMove {
    SUBMIT_DETAILS("submit details"),
    BACK("go back"),
    SUBMIT_SCOPES("submit scopes"),
    SAVE_IN_VAULT("save the key in a vault"),
    ACKNOWLEDGE("acknowledge"),
    CANCEL("cancel"),
    EXPIRE("expire");

    private final String words;

    WizardMove(String words) {
        this.words = words;
    }

    @Override
    public String toString() {
        return words;
    }
}
