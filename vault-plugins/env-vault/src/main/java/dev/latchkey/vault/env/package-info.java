/**
 * The built-in {@code env} vault: secrets rendered as {@code NAME="value"} lines of a dotenv file
 * for tools that read one, with version history in an encrypted sidecar, and the process
 * environment as a read-only fallback. Depends on the vault SPI and the JDK only.
 */
package dev.latchkey.vault.env;
