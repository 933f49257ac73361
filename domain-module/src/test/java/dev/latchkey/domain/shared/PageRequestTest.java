package dev.latchkey.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @Test
    void theLastPageAllowedHasAnOffsetThatFitsAnInt() {
        PageRequest last = new PageRequest(PageRequest.MAX_NUMBER, PageRequest.MAX_SIZE);

        assertThat(last.offset()).isLessThanOrEqualTo(Integer.MAX_VALUE);
        assertThat(Math.toIntExact(last.offset())).isEqualTo((PageRequest.MAX_NUMBER - 1) * PageRequest.MAX_SIZE);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, PageRequest.MAX_NUMBER + 1, Integer.MAX_VALUE})
    void aPageNumberOutsideTheRangeNamesTheParameter(int number) {
        // Integer.MAX_VALUE with 100 entries a page used to overflow the query's int offset: a 500.
        assertThatThrownBy(() -> new PageRequest(number, PageRequest.MAX_SIZE))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations())
                                .singleElement()
                                .satisfies(violation ->
                                        assertThat(violation.field()).isEqualTo("page[number]")));
    }
}
