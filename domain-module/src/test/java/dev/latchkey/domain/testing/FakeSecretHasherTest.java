package dev.latchkey.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fake must keep the port's contract, or the tests that lean on it prove nothing. */
class FakeSecretHasherTest {
    private final FakeSecretHasher hasher = new FakeSecretHasher();

    @Test
    void verifiesOnlyTheHashedSecret() {
        String hash = hasher.hash("s3cret");

        assertThat(hasher.verify(hash, "s3cret")).isTrue();
        assertThat(hasher.verify(hash, "s3creT")).isFalse();
        assertThat(hasher.verify(hash, "")).isFalse();
        assertThat(hash).doesNotContain("s3cret");
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void malformedHashVerifiesNothing() {
        assertThat(hasher.verify("garbage", "x")).isFalse();
        assertThat(hasher.verify("fake-sha256$%%%$%%%", "x")).isFalse();
        assertThat(hasher.verify("fake-sha256$onlyonepart", "x")).isFalse();
        assertThat(hasher.verify(null, "x")).isFalse();
    }
}
