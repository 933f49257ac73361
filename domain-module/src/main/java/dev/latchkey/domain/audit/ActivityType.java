package dev.latchkey.domain.audit;

/** Everything the activity log records, with the dotted name clients see. */
public enum ActivityType {
    SIGNED_IN("user.signed_in"),
    SIGN_IN_FAILED("user.sign_in_failed"),
    SIGNED_OUT("user.signed_out"),
    USER_CREATED("user.created"),
    USER_ROLE_CHANGED("user.role_changed"),
    USER_DISABLED("user.disabled"),
    USER_ENABLED("user.enabled"),
    WIZARD_STARTED("wizard.started"),
    WIZARD_DETAILS_SUBMITTED("wizard.details_submitted"),
    WIZARD_WENT_BACK("wizard.went_back"),
    WIZARD_SCOPES_SUBMITTED("wizard.scopes_submitted"),
    WIZARD_SAVED_TO_VAULT("wizard.saved_to_vault"),
    WIZARD_CANCELLED("wizard.cancelled"),
    WIZARD_EXPIRED("wizard.expired"),
    KEY_GENERATED("api_key.generated"),
    KEY_ACKNOWLEDGED("api_key.acknowledged"),
    KEY_DESTROYED("api_key.destroyed"),
    KEY_SCOPES_CHANGED("api_key.scopes_changed"),
    KEY_REMOVED("api_key.removed"),
    KEY_EXPIRED("api_key.expired"),
    KEY_AUTHENTICATION_FAILED("api_key.authentication_failed"),
    INTEGRATION_CREATED("integration.created"),
    INTEGRATION_UPDATED("integration.updated"),
    INTEGRATION_REPLACED("integration.replaced"),
    INTEGRATION_DELETED("integration.deleted"),
    VAULT_CREATED("vault.created"),
    VAULT_UPDATED("vault.updated");

    private final String wireName;

    ActivityType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
