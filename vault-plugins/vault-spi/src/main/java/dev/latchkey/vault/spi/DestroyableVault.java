package dev.latchkey.vault.spi;

/**
 * Optional capability: a vault that can erase a secret version permanently.
 *
 * <p>A destroyed version keeps its metadata (its number is never reused and
 * {@link VaultProvider#versions} still lists it with {@link VersionMetadata#destroyed()} set), but
 * its bytes are gone from storage: it can neither be read nor undeleted. The platform checks
 * {@code provider instanceof DestroyableVault} before offering "destroy" to users.
 */
public interface DestroyableVault extends VaultProvider {

    /**
     * Erases the bytes of one version for good. Idempotent: destroying a destroyed or unknown
     * version changes nothing.
     *
     * @param path    the secret
     * @param version the version number
     */
    void destroy(SecretPath path, long version);
}
