package dev.latchkey.vault.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.vault.spi.PutOptions;
import dev.latchkey.vault.spi.Secret;
import dev.latchkey.vault.spi.SecretPath;
import dev.latchkey.vault.spi.SecretValue;
import dev.latchkey.vault.spi.VaultUnavailableException;
import dev.latchkey.vault.spi.kit.AtomicFileWriter;
import dev.latchkey.vault.spi.kit.SealedBox;
import java.io.IOException;
import java.io.Serial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Simulates a process dying between the steps of a write: the hook throws an {@link Error}, which
 * (unlike an I/O failure) the writer does not clean up after, so temp files stay behind exactly
 * as after a real crash. A fresh provider on the same directory must then see the old or the new
 * version, never a torn one, and sweep the leftovers.
 */
class FileVaultCrashTest {

    private static final SecretPath PATH = SecretPath.parse("crash/target");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] KEY = SealedBox.newKey(RANDOM);

    @TempDir
    Path root;

    /** Stands in for the process being killed at a checkpoint. */
    private static final class SimulatedCrash extends Error {
        @Serial
        private static final long serialVersionUID = 1L;

        SimulatedCrash(AtomicFileWriter.Step step) {
            super("crash after " + step);
        }
    }

    @ParameterizedTest
    @EnumSource(AtomicFileWriter.Step.class)
    void crashAtAnyStepLeavesTheOldOrTheNewVersionReadable(AtomicFileWriter.Step crashAt) throws IOException {
        try (FileVaultProvider healthy = open(AtomicFileWriter.DURABLE)) {
            write(healthy, "old");
        }
        FileVaultProvider crashing = open(new AtomicFileWriter((step, target) -> {
            if (step == crashAt) {
                throw new SimulatedCrash(step);
            }
        }));
        assertThatThrownBy(() -> write(crashing, "new")).isInstanceOf(SimulatedCrash.class);

        try (FileVaultProvider restarted = open(AtomicFileWriter.DURABLE);
                Secret secret = restarted.read(PATH).orElseThrow()) {
            String expected = crashAt.compareTo(AtomicFileWriter.Step.RENAMED) >= 0 ? "new" : "old";
            assertThat(secret.value().utf8()).contains(expected);
            assertThat(secret.version()).isEqualTo(expected.equals("new") ? 2 : 1);
            assertThat(tempFiles()).isZero();
        }
    }

    @Test
    void failedWriteRemovesItsTempFileAndKeepsTheOldVersion() throws IOException {
        try (FileVaultProvider vault = open(new AtomicFileWriter((step, target) -> {
            if (step == AtomicFileWriter.Step.TEMP_SYNCED && Files.exists(target)) {
                throw new IOException("disk full");
            }
        }))) {
            write(vault, "old");

            assertThatThrownBy(() -> write(vault, "new"))
                    .isInstanceOf(VaultUnavailableException.class)
                    .hasMessageContaining("disk full");
            assertThat(tempFiles()).isZero();
            assertThat(vault.read(PATH).flatMap(secret -> secret.value().utf8()))
                    .contains("old");
        }
    }

    @Test
    void truncatedEntryIsReportedAsUnavailableNotAsGarbage() throws IOException {
        try (FileVaultProvider vault = open(AtomicFileWriter.DURABLE)) {
            write(vault, "value");
            Path leaf = root.resolve("crash/_target");
            byte[] content = Files.readAllBytes(leaf);
            Files.write(leaf, java.util.Arrays.copyOf(content, content.length / 2));

            assertThatThrownBy(() -> vault.read(PATH)).isInstanceOf(VaultUnavailableException.class);
        }
    }

    @Test
    void entryCopiedToAnotherPathDoesNotDecrypt() throws IOException {
        try (FileVaultProvider vault = open(AtomicFileWriter.DURABLE)) {
            write(vault, "value");
            Files.copy(root.resolve("crash/_target"), root.resolve("crash/_other"));

            assertThatThrownBy(() -> vault.read(SecretPath.parse("crash/other")))
                    .isInstanceOf(VaultUnavailableException.class);
        }
    }

    private FileVaultProvider open(AtomicFileWriter writer) throws IOException {
        return FileVaultProvider.open(root, SealedBox.withKey(KEY, RANDOM), 10, Clock.systemUTC(), writer);
    }

    private static void write(FileVaultProvider vault, String text) {
        try (SecretValue value = SecretValue.ofUtf8(text)) {
            vault.put(PATH, value, PutOptions.NONE);
        }
    }

    private long tempFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(AtomicFileWriter::isTempFile).count();
        }
    }
}
