package dev.latchkey.domain.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.integration.VaultId;
import dev.latchkey.domain.shared.ConflictException;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.testing.InMemoryCollectionRepository;
import dev.latchkey.domain.testing.InMemoryItemRepository;
import dev.latchkey.domain.testing.InMemoryTeamRepository;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.testing.People;
import dev.latchkey.domain.testing.RecordingActivityLog;
import dev.latchkey.domain.workspace.User;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CollectionServiceTest {
    private final MutableClock clock = new MutableClock();
    private final InMemoryItemRepository items = new InMemoryItemRepository();
    private final CollectionService service = new CollectionService(
            new InMemoryCollectionRepository(), items, new InMemoryTeamRepository(), new RecordingActivityLog(), clock);
    private final User ada = People.admin();
    private final User sam = People.superAdmin();

    private Item itemOf(User owner) {
        Item item = new Item(
                ItemId.generate(),
                ItemType.SECRET,
                VaultId.generate(),
                "secrets/x",
                1,
                "Stripe",
                Map.of("category", "payments"),
                owner.id(),
                Set.of(),
                clock.instant(),
                clock.instant());
        items.save(item);
        return item;
    }

    @Test
    void groupsTheOwnersItemsAndOnlyTheOwnerSeesTheCollection() {
        ItemCollection collection = service.create(ada, new CollectionName("Payments"));
        Item mine = itemOf(ada);

        ItemCollection changed = service.addItem(ada, collection.id(), mine.id());

        assertThat(changed.name()).isEqualTo("Payments");
        assertThat(service.visibleItems(changed, ada.id())).containsExactly(mine);
        assertThatThrownBy(() -> service.get(collection.id(), sam.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.addItem(ada, collection.id(), mine.id()))
                .isInstanceOf(ConflictException.class);
        assertThat(service.removeItem(ada, collection.id(), mine.id()).itemIds())
                .isEmpty();
    }

    @Test
    void anItemTheActorCannotSeeCannotBeAdded() {
        ItemCollection collection = service.create(ada, new CollectionName("Payments"));
        Item others = itemOf(sam);

        assertThatThrownBy(() -> service.addItem(ada, collection.id(), others.id()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations()).containsExactly(CollectionService.UNKNOWN_ITEM));
        assertThatThrownBy(() -> service.addItem(ada, collection.id(), ItemId.generate()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations()).containsExactly(CollectionService.UNKNOWN_ITEM));
    }
}
