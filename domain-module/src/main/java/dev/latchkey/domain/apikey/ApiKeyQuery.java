package dev.latchkey.domain.apikey;

import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import java.util.Objects;
import java.util.Optional;

/** How the keys table is filtered and sorted. */
public record ApiKeyQuery(Optional<ApiKeyStatus> status, Sort sort) {
    public static final ApiKeyQuery ALL = new ApiKeyQuery(Optional.empty(), Sort.NEWEST_FIRST);

    public ApiKeyQuery {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(sort, "sort");
        if (status.filter(s -> s == ApiKeyStatus.PENDING).isPresent()) {
            throw new IllegalArgumentException("pending keys are never listed");
        }
    }

    /** The orders the table offers, by their {@code sort} parameter. */
    public enum Sort {
        NAME("name"),
        NAME_DESCENDING("-name"),
        NEWEST_FIRST("-createdAt"),
        OLDEST_FIRST("createdAt");

        private final String wireName;

        Sort(String wireName) {
            this.wireName = wireName;
        }

        public static Sort parse(String wireName) {
            for (Sort sort : values()) {
                if (sort.wireName.equals(wireName)) {
                    return sort;
                }
            }
            throw new ValidationException(
                    new Violation("sort", "unknown_sort", "sort by name, -name, createdAt or -createdAt"));
        }

        public String wireName() {
            return wireName;
        }
    }
}
