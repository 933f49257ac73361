/**
 * The vault service-provider interface: what a storage plugin implements so that Latchkey can
 * keep secrets in it.
 *
 * <p>A plugin ships a {@link dev.latchkey.vault.spi.VaultProviderFactory} registered in
 * {@code META-INF/services/dev.latchkey.vault.spi.VaultProviderFactory}. The factory declares its
 * configuration as a {@link dev.latchkey.vault.spi.ConfigSchema}; the platform hands the user's
 * raw settings to {@link dev.latchkey.vault.spi.VaultProviderFactory#configure configure}, which
 * answers with a {@link dev.latchkey.vault.spi.Result} holding either a ready
 * {@link dev.latchkey.vault.spi.VaultProvider} or the {@link dev.latchkey.vault.spi.Diagnostics}
 * that explain what to fix. Optional capabilities are extra interfaces such as
 * {@link dev.latchkey.vault.spi.DestroyableVault}.
 *
 * <p>This package depends on the JDK only ({@code java.base} and {@code java.sql} for
 * {@link javax.sql.DataSource}); it must never import Jakarta or any library, so a plugin built
 * against it runs in any class loader the platform gives it.
 */
package dev.latchkey.vault.spi;
