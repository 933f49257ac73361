package dev.latchkey.vault.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.vault.spi.SecretPath;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FileLayoutTest {

    private final FileLayout layout = new FileLayout(Path.of("/store"));

    @Test
    void keepsSimpleLowerCaseNamesReadable() {
        assertThat(layout.fileOf(SecretPath.parse("app/db-1/password.v2")))
                .isEqualTo(Path.of("/store/app/db-1/_password.v2"));
    }

    @Test
    void encodesNamesThatWouldCollideOnCaseInsensitiveOrWithLeaves() {
        String upper = FileLayout.encode("Key");
        String lower = FileLayout.encode("key");

        assertThat(upper.toLowerCase(Locale.ROOT)).isNotEqualTo(lower);
        assertThat(FileLayout.encode("_leaf")).doesNotStartWith("_");
        assertThat(FileLayout.encode(".hidden")).doesNotStartWith(".");
        assertThat(FileLayout.encode("%2e")).isEqualTo("%252e");
    }

    @Test
    void decodesWhatItEncodes() {
        SecretPath path = SecretPath.parse("Ünï/_x/.y/%41 b");

        assertThat(layout.pathOf(layout.fileOf(path))).contains(path);
    }
}
