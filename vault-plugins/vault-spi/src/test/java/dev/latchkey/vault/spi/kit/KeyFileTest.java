package dev.latchkey.vault.spi.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path directory;

    @Test
    void twoFirstStartsRacingForTheKeyFileBothGetTheKeyThatWasKept() throws Exception {
        Path keyFile = directory.resolve("vault.key");
        // Both callers have written their temp file before either publishes it: the worst interleaving.
        CyclicBarrier bothGenerated = new CyclicBarrier(2);
        AtomicFileWriter writer = new AtomicFileWriter((step, target) -> {
            if (step == AtomicFileWriter.Step.TEMP_SYNCED) {
                try {
                    bothGenerated.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        ExecutorService threads = Executors.newFixedThreadPool(2);
        byte[] firstKey;
        byte[] secondKey;
        try {
            Future<byte[]> first = threads.submit(() -> KeyFile.loadOrCreate(keyFile, RANDOM, writer));
            Future<byte[]> second = threads.submit(() -> KeyFile.loadOrCreate(keyFile, RANDOM, writer));
            firstKey = first.get(20, TimeUnit.SECONDS);
            secondKey = second.get(20, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        byte[] kept = Files.readAllBytes(keyFile);
        assertThat(firstKey).isEqualTo(kept);
        assertThat(secondKey).isEqualTo(kept);
        assertThat(Files.list(directory)).containsExactly(keyFile);
    }

    @Test
    void createNewNeverReplacesAnExistingFile() throws Exception {
        Path file = directory.resolve("kept");
        Files.write(file, new byte[] {1});

        assertThat(AtomicFileWriter.DURABLE.createNew(file, new byte[] {2})).isFalse();

        assertThat(Files.readAllBytes(file)).containsExactly(1);
        assertThat(Files.list(directory)).containsExactly(file);
    }
}
