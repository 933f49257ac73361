package dev.latchkey.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;

/** The key format as a client sees it: what parses, and that every typo is caught before any lookup. */
class PlaintextApiKeyTest {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int SECRET_START = "lk_".length() + 12 + 1;
    private static final int CHECKSUM_START = PlaintextApiKey.LENGTH - 6;
    /** {@code lk_} + 12 + {@code _} + 32 + 6, spelled out because annotations need a constant. */
    private static final int LAST_INDEX = 53;

    private static PlaintextApiKey generated(long seed) {
        return PlaintextApiKey.generate(new SplittableRandom(seed));
    }

    @Property
    void generatedKeyRoundTripsThroughParse(@ForAll long seed) {
        PlaintextApiKey key = generated(seed);

        assertThat(PlaintextApiKey.parse(key.reveal())).hasValueSatisfying(parsed -> {
            assertThat(parsed.id()).isEqualTo(key.id());
            assertThat(parsed).isEqualTo(key);
            assertThat(parsed.reveal()).isEqualTo(key.reveal());
        });
    }

    @Property
    void generatedKeyHasTheDocumentedShape(@ForAll long seed) {
        String key = generated(seed).reveal();

        assertThat(key).hasSize(PlaintextApiKey.LENGTH).matches("lk_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}");
        assertThat(key.substring(CHECKSUM_START)).isEqualTo(independentChecksum(key.substring(0, CHECKSUM_START)));
    }

    @Property
    void anySingleCharacterChangeIsRejected(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = LAST_INDEX) int position, @ForAll char replacement) {
        String key = generated(seed).reveal();
        Assume.that(key.charAt(position) != replacement);

        assertThat(PlaintextApiKey.parse(withCharAt(key, position, replacement))).isEmpty();
    }

    /** The hard case for a checksum: the typo is itself a valid key character, so only the CRC can catch it. */
    @Property
    void anySingleBase62TypoIsRejected(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = LAST_INDEX) int position,
            @ForAll @AlphaChars @NumericChars char replacement) {
        String key = generated(seed).reveal();
        Assume.that(key.charAt(position) != replacement);

        assertThat(PlaintextApiKey.parse(withCharAt(key, position, replacement))).isEmpty();
    }

    @Property
    void arbitraryStringsAreRejected(@ForAll String text) {
        assertThat(PlaintextApiKey.parse(text)).isEmpty();
    }

    /** Right length, prefix and separator, random body: only the checksum (1 in 62^6 by chance) stands in the way. */
    @Property
    void wellShapedRandomStringsAreRejected(@ForAll("wellShaped") String text) {
        assertThat(PlaintextApiKey.parse(text)).isEmpty();
    }

    @Property
    void parseNeverThrows(@ForAll("keyLike") String text) {
        assertThatCode(() -> PlaintextApiKey.parse(text)).doesNotThrowAnyException();
    }

    @Property
    void printedFormsNeverContainTheSecret(@ForAll long seed) {
        PlaintextApiKey key = generated(seed);
        String secret = key.reveal().substring(SECRET_START, CHECKSUM_START);

        assertThat(key.toString()).doesNotContain(secret).isEqualTo("lk_" + key.id().value() + "_…");
        assertThat(key.masked()).doesNotContain(secret);
        assertThat(String.valueOf(key.id())).doesNotContain(secret);
    }

    @Example
    void keysAreFiftyFourCharactersLong() {
        assertThat(PlaintextApiKey.LENGTH).isEqualTo(LAST_INDEX + 1);
    }

    @Example
    void rejectsNull() {
        assertThat(PlaintextApiKey.parse(null)).isEmpty();
    }

    @Example
    void keysAreEqualOnlyWhenTheWholeKeyIs() {
        PlaintextApiKey key = generated(1);
        String body = key.reveal().substring(0, SECRET_START) + generated(2).reveal().substring(SECRET_START, CHECKSUM_START);
        PlaintextApiKey sameIdOtherSecret = PlaintextApiKey.parse(body + PlaintextApiKey.checksum(body)).orElseThrow();

        assertThat(PlaintextApiKey.parse(key.reveal())).contains(key);
        assertThat(sameIdOtherSecret.id()).isEqualTo(key.id());
        assertThat(sameIdOtherSecret).isNotEqualTo(key);
        assertThat(key).isNotEqualTo(generated(2)).isNotEqualTo(key.reveal());
    }

    @Example
    void keyIdsAreWellFormedOnlyAsTwelveBase62Characters() {
        assertThat(ApiKeyId.isWellFormed("AbC123xyz789")).isTrue();
        assertThat(ApiKeyId.isWellFormed("AbC123xyz78")).isFalse();
        assertThat(ApiKeyId.isWellFormed("AbC123xyz78-")).isFalse();
        assertThat(ApiKeyId.isWellFormed(null)).isFalse();
    }

    @Provide
    Arbitrary<String> wellShaped() {
        Arbitrary<String> base62 = Arbitraries.of(ALPHABET.chars().mapToObj(c -> (char) c).toList())
                .list().ofSize(12 + 38).map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
        return base62.map(body -> "lk_" + body.substring(0, 12) + "_" + body.substring(12));
    }

    @Provide
    Arbitrary<String> keyLike() {
        Arbitrary<String> anything = Arbitraries.strings();
        Arbitrary<String> rightLength = Arbitraries.strings().ofLength(PlaintextApiKey.LENGTH - 3).map(s -> "lk_" + s);
        Arbitrary<String> rightSeparator = Combinators.combine(Arbitraries.strings().ofLength(12),
                Arbitraries.strings().ofLength(38)).as((id, rest) -> "lk_" + id + "_" + rest);
        return Arbitraries.oneOf(anything, rightLength, rightSeparator, wellShaped());
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
