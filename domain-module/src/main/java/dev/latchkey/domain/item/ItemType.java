package dev.latchkey.domain.item;

/** What an item is: a lone secret, or an account (application credentials whose password is the secret). */
public enum ItemType {
    SECRET("secret"),
    ACCOUNT("account");

    private final String wireName;

    ItemType(String wireName) {
        this.wireName = wireName;
    }

    public static ItemType parse(String wireName) {
        for (ItemType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown item type " + wireName);
    }

    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
