package dev.latchkey.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SearchTextTest {
    @Test
    void absentOrBlankFilterNarrowsNothing() {
        assertThat(SearchText.of(null)).isEqualTo(SearchText.ANY);
        assertThat(SearchText.of("  ")).isEqualTo(SearchText.ANY);
    }

    @Test
    void filterIsTrimmed() {
        assertThat(SearchText.of(" ada ").value()).isEqualTo("ada");
    }

    @Test
    void untrimmedTextIsAProgrammingError() {
        assertThatThrownBy(() -> new SearchText(" ada")).isInstanceOf(IllegalArgumentException.class);
    }
}
