package dev.latchkey.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.latchkey.api.rest.CollectionsResource.CreateRequest;
import dev.latchkey.api.rest.CollectionsResource.ItemRequest;
import dev.latchkey.domain.item.CollectionName;
import dev.latchkey.domain.item.CollectionService;
import dev.latchkey.domain.item.ItemId;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CollectionRequestsTest {
    @Test
    void nameIsTrimmedIntoACollectionName() {
        assertThat(new CreateRequest(" Payments ").toName()).isEqualTo(new CollectionName("Payments"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {" "})
    void missingOrOverlongNameIsAViolationOnName(String name) {
        assertThat(catchThrowableOfType(ValidationException.class, () -> new CreateRequest(name).toName())
                        .violations())
                .extracting(Violation::field, Violation::code, Violation::message)
                .containsExactly(tuple("name", "invalid_name", "name is required: 1 to 100 characters"));
        assertThat(catchThrowableOfType(ValidationException.class, () -> new CreateRequest("x".repeat(101)).toName())
                        .violations())
                .extracting(Violation::code)
                .containsExactly("invalid_name");
    }

    @Test
    void itemIdBecomesAnItemId() {
        String id = ItemId.generate().value();

        assertThat(new ItemRequest(id).toItemId()).isEqualTo(new ItemId(id));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "../secrets/1"})
    void itemIdThatCannotBeAnyItemsIsTheUnknownItemViolation(String itemId) {
        assertThat(catchThrowableOfType(ValidationException.class, () -> new ItemRequest(itemId).toItemId())
                        .violations())
                .containsExactly(CollectionService.UNKNOWN_ITEM);
    }
}
