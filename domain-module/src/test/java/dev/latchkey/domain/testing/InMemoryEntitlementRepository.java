package dev.latchkey.domain.testing;

import dev.latchkey.domain.entitlement.Entitlement;
import dev.latchkey.domain.entitlement.EntitlementId;
import dev.latchkey.domain.entitlement.EntitlementRepository;
import dev.latchkey.domain.entitlement.GranteeType;
import dev.latchkey.domain.entitlement.VaultRole;
import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Entitlements in a map, in the order granted. */
public final class InMemoryEntitlementRepository implements EntitlementRepository {
    private final Map<EntitlementId, Entitlement> entitlements = new LinkedHashMap<>();

    @Override
    public Optional<Entitlement> findById(EntitlementId id) {
        return Optional.ofNullable(entitlements.get(id));
    }

    @Override
    public Page<Entitlement> page(IntegrationId integration, PageRequest request) {
        return InMemoryPages.page(
                entitlements.values().stream()
                        .filter(e -> e.integrationId().equals(integration))
                        .toList(),
                request);
    }

    @Override
    public Optional<Entitlement> find(IntegrationId integration, GranteeType type, String granteeId, VaultRole role) {
        return entitlements.values().stream()
                .filter(e -> e.integrationId().equals(integration)
                        && e.granteeType() == type
                        && e.granteeId().equals(granteeId)
                        && e.role() == role)
                .findFirst();
    }

    @Override
    public List<Entitlement> heldBy(IntegrationId integration, String userId, Collection<String> teamIds) {
        return entitlements.values().stream()
                .filter(e -> e.integrationId().equals(integration))
                .filter(e -> e.granteeType() == GranteeType.USER
                        ? e.granteeId().equals(userId)
                        : teamIds.contains(e.granteeId()))
                .toList();
    }

    @Override
    public void save(Entitlement entitlement) {
        entitlements.put(entitlement.id(), entitlement);
    }

    @Override
    public void delete(EntitlementId id) {
        entitlements.remove(id);
    }
}
