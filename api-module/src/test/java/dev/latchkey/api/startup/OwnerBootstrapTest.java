package dev.latchkey.api.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.vault.spi.kit.AtomicFileWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerBootstrapTest {
    @TempDir
    Path dataDir;

    @Test
    void generatedPasswordFileIsSyncedToDiskBeforeTheServerGoesOn() throws Exception {
        List<AtomicFileWriter.Step> steps = new ArrayList<>();

        Path file = OwnerBootstrap.writePasswordFile(
                dataDir, "correct horse", new AtomicFileWriter((step, target) -> steps.add(step)));

        assertThat(steps)
                .containsExactly(
                        AtomicFileWriter.Step.TEMP_WRITTEN,
                        AtomicFileWriter.Step.TEMP_SYNCED,
                        AtomicFileWriter.Step.RENAMED,
                        AtomicFileWriter.Step.DIRECTORY_SYNCED);
        assertThat(Files.readString(file)).isEqualTo("correct horse" + System.lineSeparator());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.list(dataDir)).containsExactly(file);
    }
}
