package dev.latchkey.domain.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.integration.Integration;
import dev.latchkey.domain.integration.IntegrationService;
import dev.latchkey.domain.testing.FakeVaultPlugins;
import dev.latchkey.domain.testing.InMemoryIntegrationRepository;
import dev.latchkey.domain.testing.InMemoryVaultRepository;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.testing.People;
import dev.latchkey.domain.testing.RecordingActivityLog;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VaultHealthCheckTest {
    private final FakeVaultPlugins plugins = new FakeVaultPlugins();
    private final IntegrationService integrations = new IntegrationService(
            new InMemoryIntegrationRepository(),
            new InMemoryVaultRepository(),
            plugins,
            new RecordingActivityLog(),
            new MutableClock());
    private final Actor admin = Actor.of(People.admin());

    @Test
    void countsHealthyAndUnhealthyIntegrationsAndNamesTheUnhealthyOnes() {
        integrations.create(admin, "local-db", "Main", Map.of());
        Integration broken = integrations.create(admin, "local-db", "Broken", Map.of());
        plugins.deactivate(broken.id());

        JobResult result = new VaultHealthCheck(integrations).run();

        assertThat(result.counts()).containsEntry("healthy", 1L).containsEntry("unhealthy", 1L);
        assertThat(result.summary()).contains("Broken (not open)").doesNotContain("Main");
    }

    @Test
    void noIntegrationsIsHealthy() {
        JobResult result = new VaultHealthCheck(integrations).run();

        assertThat(result.counts()).containsEntry("healthy", 0L).containsEntry("unhealthy", 0L);
    }
}
