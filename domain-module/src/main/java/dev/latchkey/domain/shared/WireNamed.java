package dev.latchkey.domain.shared;

import java.util.Optional;

/** An enum constant with the name clients and the database see, such as {@code api_key.generated}. */
public interface WireNamed {
    String wireName();

    /** The constant of {@code type} whose wire name is {@code wireName}, if any. */
    static <E extends Enum<E> & WireNamed> Optional<E> find(Class<E> type, String wireName) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equals(wireName)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
