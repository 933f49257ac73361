package dev.latchkey.domain.apikey;

/** The public part of a key: 12 base62 characters, safe to show, log and put in URLs. */
public record ApiKeyId(String value) {
    static final int LENGTH = 12;

    public ApiKeyId {
        if (value == null || value.length() != LENGTH || !Base62.isBase62(value, 0, LENGTH)) {
            throw new IllegalArgumentException("an API key id is 12 base62 characters");
        }
    }

    /** Whether {@code text} has the shape of a key id (for path parameters: anything else is simply not found). */
    public static boolean isWellFormed(String text) {
        return text != null && text.length() == LENGTH && Base62.isBase62(text, 0, LENGTH);
    }

    /** How the key is shown once its secret is gone: {@code lk_<id>_…}. */
    public String masked() {
        return PlaintextApiKey.PREFIX + value + "_…";
    }

    @Override
    public String toString() {
        return value;
    }
}
