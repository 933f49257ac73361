package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
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
    void embeddedDatabaseLivesInTheConfiguredDataDirectory(LatchkeyServer server) {
        assertThat(server.dataDir().resolve("latchkey.mv.db")).isRegularFile();
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
