package dev.latchkey.api.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs openapi/client-ts/happy-path.ts (compiled by that module's tsc step) with the machine's node against the
 * shared server, so the TypeScript client generated from the committed document is proven on the real API.
 */
@ExtendWith(LatchkeyServerExtension.class)
class ClientTypeScriptIT {
    private static final long TIMEOUT_SECONDS = 120;

    @Test
    void happyPathScriptSucceedsWithTheGeneratedTypeScriptClient(LatchkeyServer server)
            throws IOException, InterruptedException {
        Path clientDir = Path.of(System.getProperty("latchkey.client-ts.dir", "../openapi/client-ts"));
        Path script = clientDir.resolve("target/js/happy-path.js");
        assertThat(script).as("compiled by the client-ts module's tsc step").isRegularFile();
        Path output = Files.createTempFile("happy-path", ".log");
        ProcessBuilder node = new ProcessBuilder("node", script.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        node.environment().put("LATCHKEY_BASE_URL", server.baseUri().toString());
        node.environment().put("LATCHKEY_EMAIL", LatchkeyServer.OWNER_EMAIL);
        node.environment().put("LATCHKEY_PASSWORD", LatchkeyServer.OWNER_PASSWORD);

        Process process = node.start();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(output, UTF_8);
        Files.delete(output);

        assertThat(finished)
                .as("node finished within %d s; output:%n%s", TIMEOUT_SECONDS, log)
                .isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log)
                .contains(
                        "ok - without read:users the key gets 403",
                        "ok - a removed key gets 401",
                        "happy path complete");
    }
}
