package dev.latchkey.vault.spi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.vault.spi.VaultUnavailableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedBoxTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CONTEXT = "ctx".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    @Test
    void opensWhatItSealedAndNothingElse() {
        SealedBox box = SealedBox.withKey(SealedBox.newKey(RANDOM), RANDOM);
        byte[] sealed = box.seal("secret".getBytes(StandardCharsets.UTF_8), CONTEXT);

        assertThat(box.open(sealed, CONTEXT)).asString(StandardCharsets.UTF_8).isEqualTo("secret");
        assertThatThrownBy(() -> box.open(sealed, "other".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(VaultUnavailableException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> box.open(sealed, CONTEXT)).isInstanceOf(VaultUnavailableException.class);
    }

    @Test
    void usesAFreshNoncePerMessage() {
        SealedBox box = SealedBox.withKey(SealedBox.newKey(RANDOM), RANDOM);

        assertThat(box.seal(new byte[] {1}, CONTEXT)).isNotEqualTo(box.seal(new byte[] {1}, CONTEXT));
    }

    @Test
    void generatesThePrivateKeyFileOnceAndReusesIt() throws Exception {
        Path keyFile = directory.resolve("keys/vault.key");

        SealedBox first = KeyFile.open(Optional.empty(), keyFile, RANDOM, AtomicFileWriter.DURABLE);
        byte[] sealed = first.seal(new byte[] {7}, CONTEXT);
        SealedBox second = KeyFile.open(Optional.empty(), keyFile, RANDOM, AtomicFileWriter.DURABLE);

        assertThat(second.open(sealed, CONTEXT)).containsExactly(7);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void refusesAKeyFileOfTheWrongLength() throws Exception {
        Path keyFile = directory.resolve("short.key");
        Files.write(keyFile, new byte[5]);

        assertThatThrownBy(() -> KeyFile.open(Optional.empty(), keyFile, RANDOM, AtomicFileWriter.DURABLE))
                .hasMessageContaining("does not hold a 32-byte key");
    }
}
