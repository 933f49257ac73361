package dev.latchkey.vault.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretValueTest {

    @Test
    void printsAsStars() {
        try (SecretValue value = SecretValue.ofUtf8("hunter2")) {
            assertThat(value).hasToString("***");
            assertThat(new Secret(
                                    SecretPath.parse("a"),
                                    VersionMetadata.created(1, java.time.Instant.EPOCH, java.util.Map.of()),
                                    value)
                            .toString())
                    .doesNotContain("hunter2");
        }
    }

    @Test
    void closingZeroesTheBytesAndBlocksAccess() {
        byte[] adopted = {1, 2, 3};
        SecretValue value = SecretValue.adopt(adopted);

        value.close();

        assertThat(adopted).containsOnly(0);
        assertThat(value.isClosed()).isTrue();
        assertThatThrownBy(value::bytes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void copiesOnTheWayInAndOut() {
        byte[] input = {1, 2, 3};
        try (SecretValue value = SecretValue.of(input)) {
            input[0] = 9;
            byte[] output = value.bytes();
            output[1] = 9;

            assertThat(value.bytes()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void comparesContentsAndDecodesOnlyValidUtf8() {
        try (SecretValue a = SecretValue.ofUtf8("same");
                SecretValue b = SecretValue.ofUtf8("same");
                SecretValue binary = SecretValue.of(new byte[] {(byte) 0xc3})) {
            assertThat(a.contentEquals(b)).isTrue();
            assertThat(a).isNotEqualTo(b);
            assertThat(binary.utf8()).isEmpty();
        }
    }
}
