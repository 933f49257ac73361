package dev.latchkey.examples.keystore;

import dev.latchkey.vault.spi.VersionMetadata;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one keystore entry holds: a version's metadata followed by its value, in a small binary
 * form. The keystore encrypts the whole of it.
 *
 * @param metadata the version's metadata
 * @param value    the secret bytes
 */
record VersionEntry(VersionMetadata metadata, byte[] value) {

    private static final int FORMAT = 1;

    VersionEntry withMetadata(VersionMetadata changed) {
        return new VersionEntry(changed, value);
    }

    byte[] toBytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(FORMAT);
            out.writeLong(metadata.version());
            out.writeLong(metadata.createdAt().toEpochMilli());
            out.writeLong(metadata.deletedAt().map(Instant::toEpochMilli).orElse(-1L));
            out.writeInt(metadata.metadata().size());
            for (Map.Entry<String, String> entry : metadata.metadata().entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeUTF(entry.getValue());
            }
            out.write(value);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return buffer.toByteArray();
    }

    static VersionEntry fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != FORMAT) {
                throw new IllegalStateException("unknown keystore entry format");
            }
            long version = in.readLong();
            Instant created = Instant.ofEpochMilli(in.readLong());
            long deleted = in.readLong();
            Map<String, String> metadata = new HashMap<>();
            for (int count = in.readInt(); count > 0; count--) {
                metadata.put(in.readUTF(), in.readUTF());
            }
            Optional<Instant> deletedAt = deleted < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(deleted));
            return new VersionEntry(
                    new VersionMetadata(version, created, deletedAt, false, metadata), in.readAllBytes());
        } catch (IOException truncated) {
            throw new IllegalStateException("truncated keystore entry", truncated);
        }
    }

    /** Never prints the value. */
    @Override
    public String toString() {
        return "VersionEntry[" + metadata.version() + "]";
    }
}
