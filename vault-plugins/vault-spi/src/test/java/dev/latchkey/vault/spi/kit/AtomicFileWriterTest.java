package dev.latchkey.vault.spi.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {

    @TempDir
    Path directory;

    @Test
    void writersCreatingTheSameNewDirectoriesAtOnceAllSucceed() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            // Many fresh trees, each created by all writers at once: the check-then-create window is hit often.
            for (int tree = 0; tree < 50; tree++) {
                Path leaf = directory.resolve("tree" + tree).resolve("a").resolve("b");
                List<Callable<Void>> tasks = new ArrayList<>();
                for (int i = 0; i < writers; i++) {
                    tasks.add(() -> {
                        AtomicFileWriter.DURABLE.createDirectories(leaf);
                        return null;
                    });
                }
                for (Future<Void> done : pool.invokeAll(tasks)) {
                    done.get();
                }
                assertThat(leaf).isDirectory();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void createDirectoriesStillRefusesWhenAFileHoldsTheName() throws Exception {
        Path taken = Files.write(directory.resolve("taken"), new byte[] {1});

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AtomicFileWriter.DURABLE.createDirectories(taken))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }
}
