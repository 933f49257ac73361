package dev.latchkey.vault.spi;

import java.util.List;
import java.util.Optional;

/**
 * A configured vault: versioned secret storage under slash-separated {@link SecretPath}s.
 *
 * <p>Semantics follow HashiCorp Vault's KV version 2 engine:
 * <ul>
 *   <li>Each {@link #put put} creates version <i>N</i>+1 of a path, where <i>N</i> is the
 *       highest version ever written there (0 for a new path). Version numbers are never
 *       reused, not even after a delete.</li>
 *   <li>A version may be soft-deleted ({@link #delete}) and brought back ({@link #undelete});
 *       capable plugins also let it be destroyed for good ({@link DestroyableVault}).</li>
 *   <li>A read of the latest version answers empty when that version is deleted; older versions
 *       stay readable by number.</li>
 * </ul>
 *
 * <p>Implementations must be safe for concurrent use by many threads of one JVM; in particular a
 * check-and-set {@link #put put} must never let two writers both succeed against the same
 * expected version. Every call may throw {@link VaultUnavailableException} when storage cannot be
 * reached; messages of all exceptions must never contain secret values.
 *
 * <p>The platform calls {@link #close()} exactly once; the provider releases files, threads and
 * connections there, and must not be used afterwards.
 */
public interface VaultProvider extends AutoCloseable {

    /**
     * Stores a new version of a secret.
     *
     * @param path    where to store it
     * @param value   the bytes to store; the provider copies them, the caller still owns and closes
     *                {@code value}
     * @param options check-and-set expectation and metadata; {@link PutOptions#NONE} for neither
     * @return the metadata of the version just written
     * @throws CheckAndSetConflictException when {@code options} expects a version other than the
     *                                      current one; nothing is written then
     */
    VersionMetadata put(SecretPath path, SecretValue value, PutOptions options);

    /**
     * Reads the latest version of a secret.
     *
     * @param path where to read
     * @return the secret, or empty when the path has no version or its latest one is deleted or
     *         destroyed; the caller closes the returned secret
     */
    Optional<Secret> read(SecretPath path);

    /**
     * Reads a given version of a secret.
     *
     * @param path    where to read
     * @param version the version number, 1 or more
     * @return the secret, or empty when that version does not exist, is deleted or destroyed
     */
    Optional<Secret> read(SecretPath path, long version);

    /**
     * The metadata of every version a path still remembers, oldest first, including deleted and
     * destroyed ones.
     *
     * @param path where to look
     * @return the versions; empty for an unknown path
     */
    List<VersionMetadata> versions(SecretPath path);

    /**
     * The paths below a prefix that hold at least one version (of any state), sorted. The prefix
     * is matched segment by segment: {@code app} matches {@code app/db} but not {@code apple}.
     *
     * @param prefix a folder to look in; {@link SecretPath.Prefix#ROOT} for every path
     * @return the matching paths, sorted by their text
     */
    List<SecretPath> list(SecretPath.Prefix prefix);

    /**
     * Soft-deletes one version: it stops being readable but can be {@link #undelete undeleted}.
     * Idempotent: deleting a version that is already deleted, destroyed or was never written
     * changes nothing and does not fail.
     *
     * @param path    the secret
     * @param version the version number
     */
    void delete(SecretPath path, long version);

    /**
     * Makes a soft-deleted version readable again. Undeleting a version that is not deleted
     * changes nothing.
     *
     * @param path    the secret
     * @param version the version number
     * @throws SecretNotFoundException when the version was never written, was destroyed or was
     *                                 pruned
     */
    void undelete(SecretPath path, long version);

    /**
     * Checks that the storage can be used now; cheap enough to call every few seconds.
     *
     * @return the health, with a message in the operator's words when it is not up
     */
    HealthStatus health();

    /** Releases the storage; never throws a checked exception. */
    @Override
    void close();
}
