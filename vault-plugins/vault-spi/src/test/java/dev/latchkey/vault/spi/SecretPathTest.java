package dev.latchkey.vault.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretPathTest {

    @Property
    void pathsOfOrdinarySegmentsRoundTrip(@ForAll @Size(min = 1, max = 6) List<@AlphaChars @NumericChars @StringLength(min = 1, max = 20) String> segments) {
        String text = String.join("/", segments);

        SecretPath path = SecretPath.parse(text);

        assertThat(path.segments()).isEqualTo(segments);
        assertThat(path.toString()).isEqualTo(text);
        assertThat(path.name()).isEqualTo(segments.getLast());
    }

    @Property
    void anyPathWithADotDotSegmentIsRejected(@ForAll @AlphaChars @StringLength(min = 1, max = 10) String before,
                                             @ForAll @AlphaChars @StringLength(min = 1, max = 10) String after) {
        assertThatThrownBy(() -> SecretPath.parse(before + "/../" + after)).isInstanceOf(InvalidSecretPathException.class)
                .hasMessageContaining("'..'");
    }

    @Test
    void namesTheRuleEachBadPathBreaks() {
        assertThat(SecretPath.problemWith("/abs")).hasValueSatisfying(p -> assertThat(p).contains("relative"));
        assertThat(SecretPath.problemWith("a//b")).hasValueSatisfying(p -> assertThat(p).contains("empty segments"));
        assertThat(SecretPath.problemWith("a/./b")).hasValueSatisfying(p -> assertThat(p).contains("'.'"));
        assertThat(SecretPath.problemWith("a\u0007")).hasValueSatisfying(p -> assertThat(p).contains("control"));
        assertThat(SecretPath.problemWith("a".repeat(SecretPath.MAX_SEGMENT_LENGTH + 1))).isPresent();
        assertThat(SecretPath.problemWith("ok/..fine../x.y")).isEmpty();
    }

    @Test
    void messageEscapesControlCharactersOfTheRejectedPath() {
        assertThatThrownBy(() -> SecretPath.parse("a\nb")).hasMessage(
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
