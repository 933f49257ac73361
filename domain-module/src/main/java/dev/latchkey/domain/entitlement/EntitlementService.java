package dev.latchkey.domain.entitlement;

import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityLog;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.domain.integration.IntegrationService;
import dev.latchkey.domain.integration.VaultAccess;
import dev.latchkey.domain.shared.ConflictException;
import dev.latchkey.domain.shared.Ids;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.shared.Violations;
import dev.latchkey.domain.team.TeamId;
import dev.latchkey.domain.team.TeamRepository;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.UserId;
import dev.latchkey.domain.workspace.UserRepository;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Grants and revokes vault roles on integrations, and answers whether a person may write into an integration's
 * vaults: the workspace Owner and Super Admins always may; anyone else needs {@code vault_writer}, held directly or
 * through a team.
 */
public final class EntitlementService implements VaultAccess {
    private final EntitlementRepository entitlements;
    private final IntegrationService integrations;
    private final UserRepository users;
    private final TeamRepository teams;
    private final ActivityLog activities;
    private final Clock clock;

    public EntitlementService(
            EntitlementRepository entitlements,
            IntegrationService integrations,
            UserRepository users,
            TeamRepository teams,
            ActivityLog activities,
            Clock clock) {
        this.entitlements = entitlements;
        this.integrations = integrations;
        this.users = users;
        this.teams = teams;
        this.activities = activities;
        this.clock = clock;
    }

    public Page<Entitlement> list(IntegrationId integration, PageRequest request) {
        integrations.get(integration);
        return entitlements.page(integration, request);
    }

    /** Grants {@code role} to a user or team; every invalid field is reported at once, a duplicate is a 409. */
    public Entitlement grant(
            Actor actor, IntegrationId integration, String granteeType, String granteeId, String role) {
        integrations.get(integration);
        Violations violations = new Violations();
        Optional<GranteeType> type = violations.collect(() -> GranteeType.parse(granteeType, "granteeType"));
        Optional<VaultRole> parsedRole = violations.collect(() -> VaultRole.parse(role, "role"));
        type.ifPresent(t -> violations.collect(() -> checkGrantee(t, granteeId)));
        violations.throwIfAny();
        if (entitlements
                .find(integration, type.orElseThrow(), granteeId, parsedRole.orElseThrow())
                .isPresent()) {
            throw new ConflictException(
                    "entitlement_exists", "this " + granteeType + " already holds " + role + " on this integration");
        }
        Entitlement granted = new Entitlement(
                EntitlementId.generate(),
                integration,
                type.orElseThrow(),
                granteeId,
                parsedRole.orElseThrow(),
                clock.instant());
        entitlements.save(granted);
        record(ActivityType.ENTITLEMENT_GRANTED, actor, granted);
        return granted;
    }

    public void revoke(Actor actor, IntegrationId integration, EntitlementId id) {
        integrations.get(integration);
        Entitlement entitlement = entitlements
                .findById(id)
                .filter(found -> found.integrationId().equals(integration))
                .orElseThrow(() -> new NotFoundException(
                        "entitlement_not_found", "no entitlement with id " + id + " on this integration"));
        entitlements.delete(id);
        record(ActivityType.ENTITLEMENT_REVOKED, actor, entitlement);
    }

    @Override
    public boolean mayWrite(User person, IntegrationId integration) {
        if (person.disabled()) {
            return false;
        }
        if (person.role().writesIntoEveryVault()) {
            return true;
        }
        var teamIds = teams.teamsOf(person.id()).stream().map(TeamId::value).toList();
        return entitlements.heldBy(integration, person.id().value(), teamIds).stream()
                .anyMatch(held -> held.role().allowsWriting());
    }

    private boolean checkGrantee(GranteeType type, String granteeId) {
        boolean exists = granteeId != null
                && Ids.isId(granteeId)
                && switch (type) {
                    case USER -> users.findById(new UserId(granteeId)).isPresent();
                    case TEAM -> teams.findById(new TeamId(granteeId)).isPresent();
                };
        if (!exists) {
            throw new ValidationException(new Violation(
                    "granteeId", "unknown_grantee", "granteeId must be the id of a " + type + " in this workspace"));
        }
        return true;
    }

    private void record(ActivityType type, Actor actor, Entitlement entitlement) {
        activities.record(Activity.of(
                type,
                clock.instant(),
                actor,
                "entitlement",
                entitlement.id().value(),
                Map.of(
                        "integrationId",
                        entitlement.integrationId().value(),
                        "granteeType",
                        entitlement.granteeType().wireName(),
                        "granteeId",
                        entitlement.granteeId(),
                        "role",
                        entitlement.role().wireName())));
    }
}
