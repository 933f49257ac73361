package dev.latchkey.domain.job;

import dev.latchkey.domain.integration.Integration;
import dev.latchkey.domain.integration.IntegrationHealth;
import dev.latchkey.domain.integration.IntegrationService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code check_vault_health} job: asks every integration's plugin whether its storage works. */
public final class VaultHealthCheck implements JobWork {
    private final IntegrationService integrations;

    public VaultHealthCheck(IntegrationService integrations) {
        this.integrations = integrations;
    }

    @Override
    public JobResult run() {
        List<String> down = new ArrayList<>();
        List<Integration> all = integrations.list();
        for (Integration integration : all) {
            IntegrationHealth health = integrations.health(integration);
            if (!health.up()) {
                down.add(integration.name() + " (" + health.detail() + ")");
            }
        }
        String summary = down.isEmpty()
                ? "All " + all.size() + " integration(s) are healthy"
                : down.size() + " of " + all.size() + " integration(s) are unhealthy: " + String.join("; ", down);
        return new JobResult(
                summary, Map.of("healthy", (long) (all.size() - down.size()), "unhealthy", (long) down.size()));
    }
}
