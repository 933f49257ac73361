package dev.latchkey.vault.spi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.vault.spi.CheckAndSetConflictException;
import dev.latchkey.vault.spi.PutOptions;
import dev.latchkey.vault.spi.SecretPath;
import dev.latchkey.vault.spi.SecretValue;
import dev.latchkey.vault.spi.VersionMetadata;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecretHistoryTest {

    private static final SecretPath PATH = SecretPath.parse("a/b");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00.123456789Z");

    @Test
    void survivesTheBinaryFormWithEveryState() throws IOException {
        SecretHistory history = SecretHistory.empty(PATH);
        put(history, "one", PutOptions.NONE.withMetadata("key_id", "k"));
        put(history, "two", PutOptions.NONE);
        put(history, "three", PutOptions.NONE);
        history.delete(2, NOW);
        history.destroy(3);

        SecretHistory copy = SecretHistory.fromBytes(PATH, history.toBytes());

        assertThat(copy.versions()).isEqualTo(history.versions());
        assertThat(copy.currentVersion()).isEqualTo(3);
        assertThat(copy.read(1).orElseThrow().value().utf8()).contains("one");
    }

    @Test
    void refusesBytesStoredForAnotherPath() {
        SecretHistory history = SecretHistory.empty(PATH);
        put(history, "x", PutOptions.NONE);

        assertThatThrownBy(() -> SecretHistory.fromBytes(SecretPath.parse("a/c"), history.toBytes()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void pruningNeverReusesVersionNumbers() {
        SecretHistory history = SecretHistory.empty(PATH);
        for (int i = 0; i < 5; i++) {
            history.put(SecretValue.ofUtf8("v" + i), PutOptions.NONE, NOW, 2);
        }

        assertThat(history.versions()).extracting(VersionMetadata::version).containsExactly(4L, 5L);
        assertThatThrownBy(() -> history.put(SecretValue.ofUtf8("late"), PutOptions.checkAndSet(3), NOW, 2))
                .isInstanceOf(CheckAndSetConflictException.class);
    }

    @Test
    void copyIsIndependent() {
        SecretHistory history = SecretHistory.empty(PATH);
        put(history, "one", PutOptions.NONE);
        SecretHistory copy = history.copy();

        copy.delete(1, NOW);

        assertThat(history.read(1)).isPresent();
        assertThat(copy.read(1)).isEmpty();
    }

    private static void put(SecretHistory history, String text, PutOptions options) {
        try (SecretValue value = SecretValue.ofUtf8(text)) {
            history.put(value, options, NOW, 10);
        }
    }
}
