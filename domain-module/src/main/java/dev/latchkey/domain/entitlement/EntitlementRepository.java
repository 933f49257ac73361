package dev.latchkey.domain.entitlement;

import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port: where entitlements live. */
public interface EntitlementRepository {
    Optional<Entitlement> findById(EntitlementId id);

    /** An integration's entitlements, oldest first. */
    Page<Entitlement> page(IntegrationId integration, PageRequest request);

    /** The entitlement with exactly this grantee and role on the integration, if any. */
    Optional<Entitlement> find(IntegrationId integration, GranteeType type, String granteeId, VaultRole role);

    /** The entitlements on {@code integration} held by the user {@code userId} or by any of {@code teamIds}. */
    List<Entitlement> heldBy(IntegrationId integration, String userId, Collection<String> teamIds);

    void save(Entitlement entitlement);

    void delete(EntitlementId id);
}
