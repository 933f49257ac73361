package dev.latchkey.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.workspace.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathIdTest {
    @Test
    void wellFormedIdBecomesTheValue() {
        assertThat(PathId.USER.parse("9b2f6c1e-4a8d-4c5e-9f3a-2d7b8e1c0a11"))
                .isEqualTo(new UserId("9b2f6c1e-4a8d-4c5e-9f3a-2d7b8e1c0a11"));
        assertThat(PathId.API_KEY.parse("7Hq2VbX9kLm3")).isEqualTo(new ApiKeyId("7Hq2VbX9kLm3"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "someone", "9b2f6c1e-4a8d-4c5e-9f3a-2d7b8e1c0a1", "../9b2f6c1e"})
    void idThatCannotExistIsNotFoundNamingTheKindOfThing(String segment) {
        assertThatThrownBy(() -> PathId.TEAM_MEMBER.parse(segment))
                .isInstanceOfSatisfying(NotFoundException.class, missing -> {
                    assertThat(missing.code()).isEqualTo("member_not_found");
                    assertThat(missing.getMessage()).isEqualTo("no team member with id " + segment);
                });
    }

    @Test
    void keyIdsFollowTheKeyFormatNotUuids() {
        assertThatThrownBy(() -> PathId.API_KEY.parse("9b2f6c1e-4a8d-4c5e-9f3a-2d7b8e1c0a11"))
                .isInstanceOfSatisfying(
                        NotFoundException.class,
                        missing -> assertThat(missing.code()).isEqualTo("api_key_not_found"));
    }
}
