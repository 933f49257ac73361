package dev.latchkey.vault.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DotenvFormatTest {
    /** What a dotenv reader is likeliest to trip over: quotes, escapes, line ends, {@code $}, comment and spaces. */
    private static final String AWKWARD = "\\\"'$${}#= \t\n\r\u000b\u00a0\u2028\ud83d\ude00\ud800";

    static LongStream seeds() {
        return new SplittableRandom(0xD07E_2026_1204L).longs(500);
    }

    /** Seeded random values, the same every run, each case named by its seed. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyTextWithoutNulRoundTrips(long seed) {
        String value = textWithoutNul(new SplittableRandom(seed));

        String rendered = DotenvFormat.render(Map.of("NAME", value));

        assertThat(DotenvFormat.parse(rendered)).as("%s", value).contains(Map.of("NAME", value));
    }

    /** Up to 200 characters, half of them awkward, the rest ASCII or anything but NUL. */
    private static String textWithoutNul(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(0, 201); i > 0; i--) {
            text.append(
                    switch (random.nextInt(4)) {
                        case 0, 1 -> AWKWARD.charAt(random.nextInt(AWKWARD.length()));
                        case 2 -> (char) random.nextInt(1, 0x80);
                        default -> (char) random.nextInt(1, Character.MAX_VALUE + 1);
                    });
        }
        return text.toString();
    }

    @Test
    void renderedLinesHoldNoRawLineBreakOrExpandableDollar() {
        String rendered = DotenvFormat.render(Map.of("K", "a\nb\r${HOME}\"'"));

        assertThat(rendered.lines().filter(line -> !line.startsWith("#")))
                .containsExactly("K=\"a\\nb\\r\\${HOME}\\\"'\"");
    }

    @Test
    void derivesUpperCaseNamesFromPaths() {
        assertThat(DotenvFormat.variableName("payments/stripe-key.v2")).isEqualTo("PAYMENTS_STRIPE_KEY_V2");
        assertThat(DotenvFormat.variableName("9lives/ü")).isEqualTo("_9LIVES__");
    }

    @Test
    void rejectsUnterminatedOrBadlyEscapedValues() {
        assertThat(DotenvFormat.parse("A=\"open\n")).isEmpty();
        assertThat(DotenvFormat.parse("A=\"bad \\q escape\"\n")).isEmpty();
        assertThat(DotenvFormat.parse("=\"no name\"\n")).isEmpty();
    }

    @Test
    void readsPlainValuesAndSkipsComments() {
        assertThat(DotenvFormat.parse("# comment\n\nA=plain\nB=\"quoted\"\n"))
                .contains(Map.of("A", "plain", "B", "quoted"));
    }
}
