package dev.latchkey.vault.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The path rules; the properties run over seeded random cases, the same every run, each named by its seed. */
class SecretPathTest {
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String LETTERS_AND_DIGITS = LETTERS + "0123456789";

    static LongStream seeds() {
        return new SplittableRandom(0x5EC2_2026_1204L).longs(1_000);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void pathsOfOrdinarySegmentsRoundTrip(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> segments = new ArrayList<>();
        for (int i = random.nextInt(1, 7); i > 0; i--) {
            segments.add(word(random, LETTERS_AND_DIGITS, 20));
        }
        String text = String.join("/", segments);

        SecretPath path = SecretPath.parse(text);

        assertThat(path.segments()).isEqualTo(segments);
        assertThat(path.toString()).isEqualTo(text);
        assertThat(path.name()).isEqualTo(segments.getLast());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyPathWithADotDotSegmentIsRejected(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String path = word(random, LETTERS, 10) + "/../" + word(random, LETTERS, 10);

        assertThatThrownBy(() -> SecretPath.parse(path))
                .as(path)
                .isInstanceOf(InvalidSecretPathException.class)
                .hasMessageContaining("'..'");
    }

    /** One to {@code maxLength} characters drawn from {@code alphabet}. */
    private static String word(SplittableRandom random, String alphabet, int maxLength) {
        StringBuilder word = new StringBuilder();
        for (int i = random.nextInt(1, maxLength + 1); i > 0; i--) {
            word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return word.toString();
    }

    @Test
    void namesTheRuleEachBadPathBreaks() {
        assertThat(SecretPath.problemWith("/abs"))
                .hasValueSatisfying(p -> assertThat(p).contains("relative"));
        assertThat(SecretPath.problemWith("a//b"))
                .hasValueSatisfying(p -> assertThat(p).contains("empty segments"));
        assertThat(SecretPath.problemWith("a/./b"))
                .hasValueSatisfying(p -> assertThat(p).contains("'.'"));
        assertThat(SecretPath.problemWith("a\u0007"))
                .hasValueSatisfying(p -> assertThat(p).contains("control"));
        assertThat(SecretPath.problemWith("a".repeat(SecretPath.MAX_SEGMENT_LENGTH + 1)))
                .isPresent();
        assertThat(SecretPath.problemWith("ok/..fine../x.y")).isEmpty();
    }

    @Test
    void messageEscapesControlCharactersOfTheRejectedPath() {
        assertThatThrownBy(() -> SecretPath.parse("a\nb"))
                .hasMessage(
                        "Invalid secret path \"a\\u000ab\": a secret path must not contain control characters or '\\'.");
    }

    @Test
    void prefixMatchesWholeSegmentsOnly() {
        SecretPath.Prefix app = SecretPath.Prefix.parse("app/");

        assertThat(SecretPath.parse("app/db").isUnder(app)).isTrue();
        assertThat(SecretPath.parse("apple/db").isUnder(app)).isFalse();
        assertThat(SecretPath.parse("app").isUnder(app)).isFalse();
        assertThat(SecretPath.parse("anything").isUnder(SecretPath.Prefix.ROOT)).isTrue();
    }
}
