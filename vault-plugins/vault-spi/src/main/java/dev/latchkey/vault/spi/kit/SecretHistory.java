package dev.latchkey.vault.spi.kit;

import dev.latchkey.vault.spi.PutOptions;
import dev.latchkey.vault.spi.Secret;
import dev.latchkey.vault.spi.SecretNotFoundException;
import dev.latchkey.vault.spi.SecretPath;
import dev.latchkey.vault.spi.SecretValue;
import dev.latchkey.vault.spi.VersionMetadata;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every version of one secret, in memory, with the rules of Vault's KV v2 engine: numbering that
 * never reuses a version, check-and-set, pruning beyond a maximum, soft delete, undelete and
 * destroy. A plugin loads one from storage, changes it, and writes it back whole; it is not
 * thread-safe, so plugins hold a per-path lock around that cycle.
 *
 * <p>{@link #toBytes()} gives a compact binary form that contains the secret values in clear:
 * seal it (see {@link SealedBox}) before it touches storage, and wipe it afterwards.
 */
public final class SecretHistory {

    private static final int FORMAT = 1;

    private final SecretPath path;
    private long currentVersion;
    private final TreeMap<Long, StoredVersion> versions;

    private SecretHistory(SecretPath path, long currentVersion, TreeMap<Long, StoredVersion> versions) {
        this.path = path;
        this.currentVersion = currentVersion;
        this.versions = versions;
    }

    /**
     * The history of a path never written.
     *
     * @param path the secret
     * @return an empty history
     */
    public static SecretHistory empty(SecretPath path) {
        return new SecretHistory(path, 0, new TreeMap<>());
    }

    /** The secret's path. */
    public SecretPath path() {
        return path;
    }

    /** The highest version ever written, 0 when none was. */
    public long currentVersion() {
        return currentVersion;
    }

    /** Whether no version was ever written. */
    public boolean isEmpty() {
        return currentVersion == 0;
    }

    /**
     * Adds the next version.
     *
     * @param value       the bytes, copied
     * @param options     check-and-set and metadata
     * @param now         the creation time
     * @param maxVersions how many versions to keep; the oldest beyond are wiped and forgotten
     * @return the new version's metadata
     * @throws dev.latchkey.vault.spi.CheckAndSetConflictException when the expectation fails
     */
    public VersionMetadata put(SecretValue value, PutOptions options, Instant now, long maxVersions) {
        if (maxVersions < 1) {
            throw new IllegalArgumentException("maxVersions must be at least 1");
        }
        options.checkAgainst(path, currentVersion);
        currentVersion++;
        VersionMetadata metadata = VersionMetadata.created(currentVersion, now, options.metadata());
        versions.put(currentVersion, new StoredVersion(metadata, value.bytes()));
        while (versions.size() > maxVersions) {
            versions.pollFirstEntry().getValue().wipe();
        }
        return metadata;
    }

    /**
     * The latest version, when readable.
     *
     * @return the secret, or empty when there is none or it is deleted or destroyed
     */
    public Optional<Secret> readLatest() {
        return read(currentVersion);
    }

    /**
     * One version, when readable.
     *
     * @param version the version number
     * @return the secret, or empty when unknown, deleted or destroyed
     */
    public Optional<Secret> read(long version) {
        return Optional.ofNullable(versions.get(version))
                .filter(stored -> stored.metadata().isReadable())
                .map(stored -> new Secret(path, stored.metadata(), SecretValue.of(stored.value())));
    }

    /** The metadata of every remembered version, oldest first. */
    public List<VersionMetadata> versions() {
        return versions.values().stream().map(StoredVersion::metadata).toList();
    }

    /**
     * Soft-deletes a version; nothing happens when it is unknown, deleted or destroyed.
     *
     * @param version the version number
     * @param now     the deletion time
     * @return whether anything changed
     */
    public boolean delete(long version, Instant now) {
        StoredVersion stored = versions.get(version);
        if (stored == null || !stored.metadata().isReadable()) {
            return false;
        }
        versions.put(version, stored.withMetadata(stored.metadata().deletedAt(now)));
        return true;
    }

    /**
     * Undoes a soft delete.
     *
     * @param version the version number
     * @return whether anything changed
     * @throws SecretNotFoundException when the version is unknown or destroyed
     */
    public boolean undelete(long version) {
        StoredVersion stored = versions.get(version);
        if (stored == null || stored.metadata().destroyed()) {
            throw new SecretNotFoundException(path, version);
        }
        if (stored.metadata().deletedAt().isEmpty()) {
            return false;
        }
        versions.put(version, stored.withMetadata(stored.metadata().undeleted()));
        return true;
    }

    /**
     * Wipes a version's bytes for good, keeping its metadata.
     *
     * @param version the version number
     * @return whether anything changed
     */
    public boolean destroy(long version) {
        StoredVersion stored = versions.get(version);
        if (stored == null || stored.metadata().destroyed()) {
            return false;
        }
        stored.wipe();
        versions.put(version, new StoredVersion(stored.metadata().markedDestroyed(), new byte[0]));
        return true;
    }

    /** An independent copy, so a change can be prepared and discarded if storing it fails. */
    public SecretHistory copy() {
        TreeMap<Long, StoredVersion> copied = new TreeMap<>();
        versions.forEach((version, stored) -> copied.put(
                version, new StoredVersion(stored.metadata(), stored.value().clone())));
        return new SecretHistory(path, currentVersion, copied);
    }

    /** Overwrites every value in memory; call when the history is no longer needed. */
    public void wipe() {
        versions.values().forEach(StoredVersion::wipe);
    }

    /**
     * The binary form, values included in clear.
     *
     * @return the bytes; seal them before storing and wipe them afterwards
     */
    public byte[] toBytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(FORMAT);
            writeString(out, path.value());
            out.writeLong(currentVersion);
            out.writeInt(versions.size());
            for (StoredVersion stored : versions.values()) {
                writeVersion(out, stored);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return buffer.toByteArray();
    }

    /**
     * Reads the binary form.
     *
     * @param expectedPath the path the bytes were stored under; a mismatch means misplaced data
     * @param bytes        the output of {@link #toBytes()}
     * @return the history
     * @throws IOException when the bytes are not a history of {@code expectedPath}
     */
    public static SecretHistory fromBytes(SecretPath expectedPath, byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException("unknown secret history format " + format);
            }
            String storedPath = readString(in);
            if (!storedPath.equals(expectedPath.value())) {
                throw new IOException("history of \"" + storedPath + "\" found where \"" + expectedPath + "\" belongs");
            }
            long current = in.readLong();
            int count = in.readInt();
            TreeMap<Long, StoredVersion> versions = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                StoredVersion stored = readVersion(in);
                versions.put(stored.metadata().version(), stored);
            }
            return new SecretHistory(expectedPath, current, versions);
        } catch (RuntimeException malformed) {
            throw new IOException("malformed secret history", malformed);
        }
    }

    private static void writeVersion(DataOutputStream out, StoredVersion stored) throws IOException {
        VersionMetadata metadata = stored.metadata();
        out.writeLong(metadata.version());
        writeInstant(out, metadata.createdAt());
        out.writeBoolean(metadata.deletedAt().isPresent());
        if (metadata.deletedAt().isPresent()) {
            writeInstant(out, metadata.deletedAt().get());
        }
        out.writeBoolean(metadata.destroyed());
        out.writeInt(metadata.metadata().size());
        for (Map.Entry<String, String> entry : new TreeMap<>(metadata.metadata()).entrySet()) {
            writeString(out, entry.getKey());
            writeString(out, entry.getValue());
        }
        out.writeInt(stored.value().length);
        out.write(stored.value());
    }

    private static StoredVersion readVersion(DataInputStream in) throws IOException {
        long version = in.readLong();
        Instant created = readInstant(in);
        Optional<Instant> deleted = in.readBoolean() ? Optional.of(readInstant(in)) : Optional.empty();
        boolean destroyed = in.readBoolean();
        int entries = in.readInt();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i < entries; i++) {
            metadata.put(readString(in), readString(in));
        }
        byte[] value = in.readNBytes(in.readInt());
        return new StoredVersion(new VersionMetadata(version, created, deleted, destroyed, metadata), value);
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }

    /** Names the path and versions only. */
    @Override
    public String toString() {
        return "SecretHistory[" + path + ", current=" + currentVersion + ", kept=" + versions.keySet() + "]";
    }

    private record StoredVersion(VersionMetadata metadata, byte[] value) {

        StoredVersion withMetadata(VersionMetadata changed) {
            return new StoredVersion(changed, value);
        }

        void wipe() {
            Arrays.fill(value, (byte) 0);
        }

        @Override
        public String toString() {
            return "StoredVersion[" + metadata.version() + "]";
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
