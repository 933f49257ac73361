package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LatchkeyServerExtension.class)
class HealthIT {

    @Test
    void readinessIncludesAWorkingDatabase(LatchkeyServer server) {
        HttpResponse<String> response = server.get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = Json.parse(response.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("checks").findValuesAsText("name")).contains("database");
        for (JsonNode check : health.path("checks")) {
            assertThat(check.path("status").asText()).as(check.toString()).isEqualTo("UP");
        }
    }

    @Test
    void livenessIsUp(LatchkeyServer server) {
        HttpResponse<String> response = server.get("/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.parse(response.body()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void embeddedDatabaseLivesInTheConfiguredDataDirectoryUnlessADatabaseUrlIsSet(LatchkeyServer server) {
        if (server.usesEmbeddedDatabase()) {
            assertThat(server.dataDir().resolve("latchkey.mv.db")).isRegularFile();
        } else {
            // In the PostgreSQL pass, an H2 file here would mean LATCHKEY_DB_URL was ignored.
            assertThat(server.dataDir().resolve("latchkey.mv.db")).doesNotExist();
        }
    }

    @Test
    void dataDirectoryAndEverythingInItArePrivateToTheServersAccount(LatchkeyServer server) throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.dataDir())))
                .isEqualTo("rwx------");
        try (Stream<Path> paths = Files.walk(server.dataDir())) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
                        .as(path.toString())
                        .isEqualTo("rw-------");
            }
        }
        if (server.usesEmbeddedDatabase()) {
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(server.dataDir().resolve("latchkey.mv.db"))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void schemaMigrationsRanAtStartup(LatchkeyServer server) {
        assertThat(server.log()).containsPattern("Successfully applied \\d+ migrations? to schema");
    }

    @Test
    void argon2NativeLibraryWorksInsideTheServer(LatchkeyServer server) {
        assertThat(server.log()).containsPattern("argon2id works \\(m=19456 KiB, t=2, p=1\\): one hash took \\d+ ms");
    }
}
