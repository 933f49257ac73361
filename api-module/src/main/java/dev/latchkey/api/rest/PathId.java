package dev.latchkey.api.rest;

import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.entitlement.EntitlementId;
import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.domain.integration.VaultId;
import dev.latchkey.domain.item.CollectionId;
import dev.latchkey.domain.item.ItemId;
import dev.latchkey.domain.job.JobId;
import dev.latchkey.domain.shared.Ids;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.team.TeamId;
import dev.latchkey.domain.wizard.WizardId;
import dev.latchkey.domain.workspace.UserId;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads an id from a path segment. An id that cannot exist is the same 404 as one that does not, so the answer never
 * tells a malformed id from an unknown one, and never becomes the 500 of a value type refusing it.
 */
final class PathId<T> {
    static final PathId<ApiKeyId> API_KEY =
            new PathId<>("api_key_not_found", "API key", ApiKeyId::isWellFormed, ApiKeyId::new);
    static final PathId<CollectionId> COLLECTION = uuid("collection_not_found", "collection", CollectionId::new);
    static final PathId<EntitlementId> ENTITLEMENT = uuid("entitlement_not_found", "entitlement", EntitlementId::new);
    static final PathId<IntegrationId> INTEGRATION = uuid("integration_not_found", "integration", IntegrationId::new);
    static final PathId<JobId> JOB = uuid("job_not_found", "job", JobId::new);
    static final PathId<ItemId> ITEM = uuid("item_not_found", "item", ItemId::new);
    static final PathId<TeamId> TEAM = uuid("team_not_found", "team", TeamId::new);
    static final PathId<UserId> TEAM_MEMBER = uuid("member_not_found", "team member", UserId::new);
    static final PathId<UserId> USER = uuid("user_not_found", "user", UserId::new);
    static final PathId<VaultId> VAULT = uuid("vault_not_found", "vault", VaultId::new);
    static final PathId<WizardId> WIZARD = uuid("wizard_not_found", "API key wizard", WizardId::new);

    private final String code;
    private final String noun;
    private final Predicate<String> wellFormed;
    private final Function<String, T> type;

    private PathId(String code, String noun, Predicate<String> wellFormed, Function<String, T> type) {
        this.code = code;
        this.noun = noun;
        this.wellFormed = wellFormed;
        this.type = type;
    }

    private static <T> PathId<T> uuid(String code, String noun, Function<String, T> type) {
        return new PathId<>(code, noun, Ids::isId, type);
    }

    /** The id in {@code segment}, or a 404 "no team with id …" when it cannot be one. */
    T parse(String segment) {
        if (segment == null || !wellFormed.test(segment)) {
            throw new NotFoundException(code, "no " + noun + " with id " + segment);
        }
        return type.apply(segment);
    }
}
