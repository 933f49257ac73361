package dev.latchkey.vault.spi;

/** How serious a {@link Diagnostic} is. */
public enum Severity {
    /** The configuration cannot be used as it is. */
    ERROR,
    /** The configuration works, but the user should know something about it. */
    WARNING
}
