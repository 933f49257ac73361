package dev.latchkey.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyNameTest {
    private static String codeFor(String raw) {
        return catchThrowableOfType(ValidationException.class, () -> KeyName.parse(raw, "name")).violations().stream()
                .map(Violation::code)
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
    }

    @Test
    void trimsAndKeepsCaseButComparesWithoutIt() {
        KeyName name = KeyName.parse("  CI Deploy\t", "name");

        assertThat(name.value()).isEqualTo("CI Deploy");
        assertThat(name.normalized())
                .isEqualTo(KeyName.parse("ci deploy", "name").normalized());
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String hundredEmoji = "🔑".repeat(KeyName.MAX_LENGTH);

        assertThat(KeyName.parse(hundredEmoji, "name").value()).isEqualTo(hundredEmoji);
        assertThat(codeFor(hundredEmoji + "x")).isEqualTo("name_too_long");
    }

    @ParameterizedTest
    @CsvSource(
            value = {"'',name_required", "'   ',name_required", "'a\u0007b',name_invalid"},
            quoteCharacter = '\'')
    void rejectsEmptyAndControlCharacters(String raw, String code) {
        assertThat(codeFor(raw)).isEqualTo(code);
    }

    @Test
    void rejectsNullAsMissing() {
        assertThat(codeFor(null)).isEqualTo("name_required");
    }
}
