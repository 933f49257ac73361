/**
 * The vault TCK: abstract JUnit 5 contract tests that every vault plugin's test class extends.
 * A plugin passes the TCK when its subclass of {@link dev.latchkey.vault.tck.VaultProviderContract}
 * (and of {@link dev.latchkey.vault.tck.DestroyableVaultContract} when it can destroy) is green.
 * Depends on the SPI, JUnit Jupiter and AssertJ only.
 */
package dev.latchkey.vault.tck;
