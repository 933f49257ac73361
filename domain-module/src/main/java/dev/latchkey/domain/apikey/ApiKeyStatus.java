package dev.latchkey.domain.apikey;

import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import java.util.Arrays;
import java.util.List;

/**
 * Where a key is in its life. {@link #PENDING} keys belong to a wizard that has not been acknowledged yet: they never
 * work and are not listed.
 */
public enum ApiKeyStatus {
    PENDING("pending"),
    ACTIVE("active"),
    EXPIRED("expired"),
    REMOVED("removed");

    /** The statuses a client may filter the keys table by. */
    public static final List<ApiKeyStatus> LISTED = List.of(ACTIVE, EXPIRED, REMOVED);

    private final String wireName;

    ApiKeyStatus(String wireName) {
        this.wireName = wireName;
    }

    public static ApiKeyStatus parseListed(String wireName, String field) {
        return LISTED.stream()
                .filter(status -> status.wireName.equals(wireName))
                .findFirst()
                .orElseThrow(() -> new ValidationException(new Violation(
                        field,
                        "unknown_status",
                        "filter by one of "
                                + Arrays.toString(LISTED.stream()
                                        .map(ApiKeyStatus::wireName)
                                        .toArray()))));
    }

    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
