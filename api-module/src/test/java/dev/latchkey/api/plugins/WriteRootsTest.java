package dev.latchkey.api.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule for paths plugins write to, judged on real directories with real symbolic links. */
class WriteRootsTest {
    @TempDir
    Path temp;

    private Path data;
    private Path own;
    private Path base;
    private Path outsideRoot;

    @BeforeEach
    void directories() throws IOException {
        data = Files.createDirectories(temp.resolve("data"));
        own = Files.createDirectories(data.resolve("integrations").resolve("mine"));
        base = Files.createDirectories(own.resolve("1"));
        outsideRoot = Files.createDirectories(temp.resolve("vaults"));
    }

    private WriteRoots roots(Path... configured) {
        return WriteRoots.of(data, data.resolve("plugins"), List.of(configured));
    }

    @Test
    void pathsInsideARootOrTheIntegrationsOwnFolderAreAllowed() {
        WriteRoots roots = roots(outsideRoot, data.resolve("vaults"));

        assertThat(roots.refusal(outsideRoot.resolve("team/store"), base, own)).isEmpty();
        assertThat(roots.refusal(data.resolve("vaults").resolve("team"), base, own))
                .isEmpty();
        assertThat(roots.refusal(Path.of("store"), base, own)).isEmpty();
        assertThat(roots.refusal(Path.of("../2/store"), base, own)).isEmpty();
    }

    @Test
    void theDataDirectorysOwnFilesAreRefusedEvenWhenARootContainsThem() {
        WriteRoots roots = roots(temp, data);

        assertThat(roots.refusal(data.resolve("platform-master.key"), base, own))
                .isPresent();
        assertThat(roots.refusal(data.resolve("latchkey.mv.db"), base, own)).isPresent();
        assertThat(roots.refusal(data.resolve("integrations").resolve("theirs"), base, own))
                .isPresent();
        assertThat(roots.refusal(data.resolve("plugins").resolve("evil.jar"), base, own))
                .isPresent();
        assertThat(roots.refusal(Path.of("../../../platform-master.key"), base, own))
                .isPresent();
        assertThat(roots.refusal(outsideRoot.resolve("x"), base, own))
                .as("elsewhere under the root")
                .isEmpty();
    }

    @Test
    void dotDotAndSymbolicLinksAreResolvedBeforeJudging() throws IOException {
        Path link = Files.createSymbolicLink(outsideRoot.resolve("innocent"), data);
        WriteRoots roots = roots(outsideRoot);

        String target = data.toRealPath().resolve("platform-master.key").toString();

        assertThat(roots.refusal(link.resolve("platform-master.key"), base, own))
                .hasValueSatisfying(why -> assertThat(why).contains(target));
        assertThat(roots.refusal(outsideRoot.resolve("../elsewhere"), base, own))
                .isPresent();
        assertThat(roots.refusal(outsideRoot.resolve("missing/../../elsewhere"), base, own))
                .isPresent();
    }

    @Test
    void aDanglingSymbolicLinkInsideARootIsRefused() throws IOException {
        // Judged by its text it lies in the root; written through, it lands wherever its target appears.
        Path elsewhere = temp.resolve("elsewhere").resolve("latchkey.env");
        Path dangling = Files.createSymbolicLink(outsideRoot.resolve("x"), elsewhere);
        WriteRoots roots = roots(outsideRoot);

        assertThat(roots.refusal(dangling, base, own))
                .hasValueSatisfying(why -> assertThat(why).contains("cannot be resolved"));
        assertThat(roots.refusal(dangling.resolve("below"), base, own)).isPresent();
        assertThat(roots.refusal(outsideRoot.resolve("not-yet-there"), base, own))
                .isEmpty();
    }

    @Test
    void aRefusalNamesTheAllowedRoots() {
        WriteRoots roots = roots(outsideRoot);

        assertThat(roots.refusal(Path.of("/etc/passwd"), base, own))
                .hasValueSatisfying(
                        why -> assertThat(why).contains(outsideRoot.toString()).contains("/etc/passwd"));
    }
}
