package dev.latchkey.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTest {
    private static final Violation NAME = new Violation("name", "name_required", "give the key a name");
    private static final Violation SORT = new Violation("sort", "unknown_sort", "sort by name");

    @Test
    void violationsCollectsEveryFailureAndThrowsThemTogether() {
        Violations violations = new Violations();

        assertThat(violations.collect(() -> {
                    throw new ValidationException(NAME);
                }))
                .isEmpty();
        assertThat(violations.collect(() -> "fine")).contains("fine");
        violations.add(SORT);

        assertThat(catchThrowableOfType(ValidationException.class, violations::throwIfAny)
                        .violations())
                .containsExactly(NAME, SORT);
    }

    @Test
    void noViolationsThrowsNothing() {
        new Violations().throwIfAny();
    }

    @Test
    void summaryIsTheOnlyMessageOrACount() {
        assertThat(new ValidationException(NAME).getMessage()).isEqualTo("give the key a name");
        assertThat(new ValidationException(List.of(NAME, SORT)).getMessage()).isEqualTo("2 fields are invalid");
        assertThat(new ValidationException(NAME).code()).isEqualTo("validation_failed");
        assertThatThrownBy(() -> new ValidationException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pageRequestReportsBothBadParameters() {
        assertThat(catchThrowableOfType(ValidationException.class, () -> new PageRequest(0, 101))
                        .violations())
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("page[number]", "invalid_page"), tuple("page[size]", "invalid_page"));
    }

    @Test
    void pageKnowsItsNeighbours() {
        Page<String> second = new Page<>(List.of("c", "d"), 5, new PageRequest(2, 2));

        assertThat(second.request().offset()).isEqualTo(2);
        assertThat(second.hasPrevious()).isTrue();
        assertThat(second.hasNext()).isTrue();
        assertThat(new Page<>(List.of("e"), 5, new PageRequest(3, 2)).hasNext()).isFalse();
        assertThat(second.map(String::toUpperCase).items()).containsExactly("C", "D");
    }

    @Test
    void idsAreCanonicalUuids() {
        assertThat(Ids.isId(Ids.newId())).isTrue();
        assertThat(Ids.isId(Ids.newId().toUpperCase())).isFalse();
        assertThat(Ids.isId("not-an-id")).isFalse();
        assertThat(Ids.isId(null)).isFalse();
    }
}
