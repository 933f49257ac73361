/**
 * Optional building blocks for plugin authors: atomic durable file writes, AES-256-GCM sealing
 * with the JDK's own cipher, key files, and an in-memory model of one secret's version history
 * with Vault KV v2 rules. The built-in plugins use them; nothing in {@code dev.latchkey.vault.spi}
 * depends on them, so a plugin is free to ignore this package.
 *
 * <p>Like the SPI, it depends on the JDK only.
 */
package dev.latchkey.vault.spi.kit;
