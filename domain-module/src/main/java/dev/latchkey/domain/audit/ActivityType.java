package dev.latchkey.domain.audit;

import dev.latchkey.domain.shared.WireNamed;

/** Everything the activity log records, with the dotted name clients see. */
public enum ActivityType implements WireNamed {
    SIGNED_IN("user.signed_in"),
    SIGN_IN_FAILED("user.sign_in_failed"),
    SIGNED_OUT("user.signed_out"),
    USER_CREATED("user.created"),
    USER_ROLE_CHANGED("user.role_changed"),
    USER_DISABLED("user.disabled"),
    USER_ENABLED("user.enabled"),
    TEAM_CREATED("team.created"),
    TEAM_RENAMED("team.renamed"),
    TEAM_DELETED("team.deleted"),
    TEAM_MEMBER_ADDED("team.member_added"),
    TEAM_MEMBER_REMOVED("team.member_removed"),
    JOB_REQUESTED("job.requested"),
    JOB_FINISHED("job.finished"),
    JOB_FAILED("job.failed"),
    ENTITLEMENT_GRANTED("entitlement.granted"),
    ENTITLEMENT_REVOKED("entitlement.revoked"),
    ITEM_CREATED("item.created"),
    COLLECTION_CREATED("collection.created"),
    COLLECTION_ITEM_ADDED("collection.item_added"),
    COLLECTION_ITEM_REMOVED("collection.item_removed"),
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

    @Override
    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
