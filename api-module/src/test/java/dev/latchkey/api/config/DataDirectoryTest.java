package dev.latchkey.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @TempDir
    Path parent;

    @Test
    void createsAMissingDirectoryReadableOnlyByItsOwner() throws IOException {
        Path dir = DataDirectory.open(parent.resolve("data"), "latchkey.data-dir");

        assertThat(mode(dir)).isEqualTo("rwx------");
    }

    @Test
    void tightensAnExistingWorldReadableDirectoryAndTheFilesInIt() throws IOException {
        Path dir = Files.createDirectory(parent.resolve("data"));
        Path database = Files.writeString(dir.resolve("latchkey.mv.db"), "hashes");
        Path nested = Files.createDirectories(dir.resolve("integrations/x"));
        Path sealed = Files.writeString(nested.resolve("config"), "sealed");
        for (Path path : new Path[] {dir, nested}) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (Path path : new Path[] {database, sealed}) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        }

        DataDirectory.open(dir, "latchkey.data-dir");

        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(nested)).isEqualTo("rwx------");
        assertThat(mode(database)).isEqualTo("rw-------");
        assertThat(mode(sealed)).isEqualTo("rw-------");
        assertThat(Files.readString(database)).as("contents untouched").isEqualTo("hashes");
    }

    @Test
    void precreatesTheDatabaseFileEmptyAndPrivateButLeavesAnExistingOneAlone() throws IOException {
        Path dir = DataDirectory.open(parent.resolve("data"), "latchkey.data-dir");
        Path database = dir.resolve("latchkey.mv.db");

        DataDirectory.createPrivateFile(database);
        assertThat(mode(database)).isEqualTo("rw-------");
        assertThat(database).isEmptyFile();

        Files.writeString(database, "existing");
        DataDirectory.createPrivateFile(database);
        assertThat(database).hasContent("existing");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
