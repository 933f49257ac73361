/**
 * The built-in {@code file} vault: an encrypted store in the on-disk layout of HashiCorp Vault's
 * file backend, with KV v2 versioning. Depends on the vault SPI and the JDK only.
 */
package dev.latchkey.vault.file;
