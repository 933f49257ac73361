/**
 * The built-in {@code local-db} vault, the default vault of a new workspace: secrets in the
 * platform's own database (H2 or PostgreSQL) under AES-256-GCM envelope encryption. Depends on
 * the vault SPI and the JDK only; the database comes from the platform's
 * {@link dev.latchkey.vault.spi.VaultContext}.
 */
package dev.latchkey.vault.localdb;
