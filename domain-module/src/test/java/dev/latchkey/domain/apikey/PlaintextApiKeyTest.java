package dev.latchkey.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The key format as a client sees it: what parses, and that every typo is caught before any lookup. The properties run
 * over seeded random cases: every run tries the same ones, and a failing case is named by its seed, so it replays.
 */
class PlaintextApiKeyTest {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int SECRET_START = "lk_".length() + 12 + 1;
    private static final int CHECKSUM_START = PlaintextApiKey.LENGTH - 6;
    /** {@code lk_} + 12 + {@code _} + 32 + 6, spelled out so that a change to the format shows here. */
    private static final int LAST_INDEX = 53;

    private static final int CASES = 1_000;
    /** Each of these keys is tried with every base62 typo at every position, 3,294 variants a key. */
    private static final int EXHAUSTIVE_KEYS = 100;
    /** The characters a parser is likeliest to trip over: separators, the prefix's letters, controls, a surrogate. */
    private static final String AWKWARD = "_lk-/ \t\n\r\u0000\u00e9\u0130\ud83d\uffff";

    static LongStream seeds() {
        return new SplittableRandom(0x4C4B_2026_1204L).longs(CASES);
    }

    static LongStream fewerSeeds() {
        return seeds().limit(EXHAUSTIVE_KEYS);
    }

    private static PlaintextApiKey generated(long seed) {
        return PlaintextApiKey.generate(new SplittableRandom(seed));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedKeyRoundTripsThroughParse(long seed) {
        PlaintextApiKey key = generated(seed);

        assertThat(PlaintextApiKey.parse(key.reveal())).hasValueSatisfying(parsed -> {
            assertThat(parsed.id()).isEqualTo(key.id());
            assertThat(parsed).isEqualTo(key);
            assertThat(parsed.reveal()).isEqualTo(key.reveal());
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedKeyHasTheDocumentedShape(long seed) {
        String key = generated(seed).reveal();

        assertThat(key).hasSize(PlaintextApiKey.LENGTH).matches("lk_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}");
        assertThat(key.substring(CHECKSUM_START)).isEqualTo(independentChecksum(key.substring(0, CHECKSUM_START)));
    }

    /** At every position of the key, one replacement drawn from all of {@code char}, awkward ones favoured. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anySingleCharacterChangeIsRejected(long seed) {
        String key = generated(seed).reveal();
        SplittableRandom random = new SplittableRandom(~seed);

        for (int position = 0; position <= LAST_INDEX; position++) {
            char replacement = anyCharBut(random, key.charAt(position));
            String typo = withCharAt(key, position, replacement);

            assertThat(PlaintextApiKey.parse(typo))
                    .as("%s with U+%04X at %d", key, (int) replacement, position)
                    .isEmpty();
        }
    }

    /** The hard case for a checksum: the typo is itself a valid key character, so only the CRC can catch it. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("fewerSeeds")
    void everySingleBase62TypoIsRejected(long seed) {
        String key = generated(seed).reveal();

        for (int position = 0; position <= LAST_INDEX; position++) {
            for (char replacement : ALPHABET.toCharArray()) {
                if (replacement != key.charAt(position)) {
                    assertThat(PlaintextApiKey.parse(withCharAt(key, position, replacement)))
                            .as("%s with %s at %d", key, replacement, position)
                            .isEmpty();
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void arbitraryStringsAreRejected(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String text = anyString(random, random.nextInt(0, 2 * PlaintextApiKey.LENGTH));

        assertThat(PlaintextApiKey.parse(text)).as("%s", text).isEmpty();
    }

    /** Right length, prefix and separator, random body: only the checksum (1 in 62^6 by chance) stands in the way. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void wellShapedRandomStringsAreRejected(long seed) {
        String text = wellShaped(new SplittableRandom(seed));

        assertThat(PlaintextApiKey.parse(text)).as("%s", text).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void parseNeverThrows(long seed) {
        String text = keyLike(new SplittableRandom(seed));

        assertThatCode(() -> PlaintextApiKey.parse(text)).as("%s", text).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void printedFormsNeverContainTheSecret(long seed) {
        PlaintextApiKey key = generated(seed);
        String secret = key.reveal().substring(SECRET_START, CHECKSUM_START);

        assertThat(key.toString())
                .doesNotContain(secret)
                .isEqualTo("lk_" + key.id().value() + "_…");
        assertThat(key.masked()).doesNotContain(secret);
        assertThat(String.valueOf(key.id())).doesNotContain(secret);
    }

    @Test
    void keysAreFiftyFourCharactersLong() {
        assertThat(PlaintextApiKey.LENGTH).isEqualTo(LAST_INDEX + 1);
    }

    @Test
    void rejectsNull() {
        assertThat(PlaintextApiKey.parse(null)).isEmpty();
    }

    @Test
    void keysAreEqualOnlyWhenTheWholeKeyIs() {
        PlaintextApiKey key = generated(1);
        String body =
                key.reveal().substring(0, SECRET_START) + generated(2).reveal().substring(SECRET_START, CHECKSUM_START);
        PlaintextApiKey sameIdOtherSecret =
                PlaintextApiKey.parse(body + PlaintextApiKey.checksum(body)).orElseThrow();

        assertThat(PlaintextApiKey.parse(key.reveal())).contains(key);
        assertThat(sameIdOtherSecret.id()).isEqualTo(key.id());
        assertThat(sameIdOtherSecret).isNotEqualTo(key);
        assertThat(key).isNotEqualTo(generated(2)).isNotEqualTo(key.reveal());
    }

    @Test
    void keyIdsAreWellFormedOnlyAsTwelveBase62Characters() {
        assertThat(ApiKeyId.isWellFormed("AbC123xyz789")).isTrue();
        assertThat(ApiKeyId.isWellFormed("AbC123xyz78")).isFalse();
        assertThat(ApiKeyId.isWellFormed("AbC123xyz78-")).isFalse();
        assertThat(ApiKeyId.isWellFormed(null)).isFalse();
    }

    /**
     * The shapes a client might send: anything; the prefix and then anything, of any length; the right length; the
     * right separators; well shaped; a real key cut short or run on.
     */
    private static String keyLike(SplittableRandom random) {
        int anyLength = random.nextInt(0, 2 * PlaintextApiKey.LENGTH);
        return switch (random.nextInt(6)) {
            case 0 -> anyString(random, anyLength);
            case 1 -> "lk_" + anyString(random, anyLength);
            case 2 -> "lk_" + anyString(random, PlaintextApiKey.LENGTH - 3);
            case 3 -> "lk_" + anyString(random, 12) + "_" + anyString(random, 38);
            case 4 -> wellShaped(random);
            default -> {
                String key = PlaintextApiKey.generate(random).reveal();
                yield anyLength < PlaintextApiKey.LENGTH
                        ? key.substring(0, anyLength)
                        : key + anyString(random, anyLength - key.length());
            }
        };
    }

    private static String wellShaped(SplittableRandom random) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 12 + 38; i++) {
            body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return "lk_" + body.substring(0, 12) + "_" + body.substring(12);
    }

    private static String anyString(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(anyChar(random));
        }
        return text.toString();
    }

    /** Key characters, awkward characters, ASCII and anything at all, a quarter each. */
    private static char anyChar(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            case 1 -> AWKWARD.charAt(random.nextInt(AWKWARD.length()));
            case 2 -> (char) random.nextInt(0x80);
            default -> (char) random.nextInt(Character.MAX_VALUE + 1);
        };
    }

    private static char anyCharBut(SplittableRandom random, char original) {
        char replacement;
        do {
            replacement = anyChar(random);
        } while (replacement == original);
        return replacement;
    }

    private static String withCharAt(String text, int position, char replacement) {
        return text.substring(0, position) + replacement + text.substring(position + 1);
    }

    /** CRC32 of the ASCII bytes, as six base62 digits, written without the production helpers. */
    private static String independentChecksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        StringBuilder digits = new StringBuilder();
        BigInteger rest = BigInteger.valueOf(crc.getValue());
        BigInteger base = BigInteger.valueOf(62);
        for (int i = 0; i < 6; i++) {
            digits.insert(0, ALPHABET.charAt(rest.mod(base).intValue()));
            rest = rest.divide(base);
        }
        return digits.toString();
    }
}
