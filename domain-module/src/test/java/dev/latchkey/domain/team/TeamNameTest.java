package dev.latchkey.domain.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TeamNameTest {
    @Test
    void parsingTrims() {
        assertThat(TeamName.parse("  Platform  ", "name")).isEqualTo(new TeamName("Platform"));
    }

    @Test
    void aHundredCharactersIsTheLongestName() {
        assertThat(TeamName.parse("x".repeat(100), "name").value()).hasSize(100);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n"})
    void missingOrBlankNameIsAViolationOnTheGivenField(String text) {
        assertThat(catchThrowableOfType(ValidationException.class, () -> TeamName.parse(text, "name"))
                        .violations())
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("name", "invalid_name"));
    }

    @Test
    void overlongNameIsAViolation() {
        assertThat(catchThrowableOfType(ValidationException.class, () -> TeamName.parse("x".repeat(101), "name"))
                        .violations())
                .extracting(Violation::code)
                .containsExactly("invalid_name");
    }
}
