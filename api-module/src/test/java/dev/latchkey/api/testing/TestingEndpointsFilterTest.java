package dev.latchkey.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.shared.NotFoundException;
import org.junit.jupiter.api.Test;

class TestingEndpointsFilterTest {

    @Test
    void withoutClockControlTheTestingEndpointsAreNotFound() {
        assertThatThrownBy(() -> TestingEndpointsFilter.requireClockControl(false))
                .hasMessage("there is nothing at this path")
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
    }

    @Test
    void withClockControlTheTestingEndpointsAnswer() {
        assertThatCode(() -> TestingEndpointsFilter.requireClockControl(true)).doesNotThrowAnyException();
    }
}
