package dev.latchkey.vault.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class DotenvFormatTest {

    @Property(tries = 500)
    void anyTextWithoutNulRoundTrips(@ForAll String value) {
        Assume.that(value.indexOf('\0') < 0);

        String rendered = DotenvFormat.render(Map.of("NAME", value));

        assertThat(DotenvFormat.parse(rendered)).contains(Map.of("NAME", value));
    }

    @Test
    void renderedLinesHoldNoRawLineBreakOrExpandableDollar() {
        String rendered = DotenvFormat.render(Map.of("K", "a\nb\r${HOME}\"'"));

        assertThat(rendered.lines().filter(line -> !line.startsWith("#"))).containsExactly("K=\"a\\nb\\r\\${HOME}\\\"'\"");
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
        assertThat(DotenvFormat.parse("# comment\n\nA=plain\nB=\"quoted\"\n")).contains(Map.of("A", "plain", "B", "quoted"));
    }
}
