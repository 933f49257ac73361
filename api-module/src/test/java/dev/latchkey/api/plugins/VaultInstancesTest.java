package dev.latchkey.api.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.domain.shared.ServiceUnavailableException;
import dev.latchkey.vault.file.FileVaultProviderFactory;
import dev.latchkey.vault.spi.VaultUnavailableException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a caller and an integration's health learn when plugin code throws. */
class VaultInstancesTest {
    private static final LoadedPlugin PLUGIN = new LoadedPlugin(new FileVaultProviderFactory(), "broken-vault.jar");
    private static final Pattern INCIDENT =
            Pattern.compile("report incident [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @ParameterizedTest
    @ValueSource(strings = {"null", "cast", "linkage"})
    void unexpectedPluginFailureNamesAnIncidentAndNeverItsType(String kind) {
        VaultInstances instances = new VaultInstances();
        IntegrationId id = IntegrationId.generate();
        Supplier<String> failing = () -> {
            switch (kind) {
                case "null" -> throw new NullPointerException("Cannot invoke \"java.lang.String.length()\"");
                case "cast" ->
                    throw new ClassCastException("class java.util.ArrayList cannot be cast to java.util.Map");
                default -> throw new NoClassDefFoundError("org/example/vault/Missing");
            }
        };

        assertThatThrownBy(() -> instances.guard(Optional.of(id), PLUGIN, "open the vault", failing))
                .isInstanceOf(ServiceUnavailableException.class)
                .satisfies(refusal -> assertThat(refusal.getMessage())
                        .startsWith(
                                "the vault plugin 'file' (broken-vault.jar) failed to open the vault: an unexpected error")
                        .containsPattern(INCIDENT)
                        .doesNotContain("java.", "org/example", "Exception", "Error", "Cannot invoke"));
        assertThat(instances.failure(id))
                .hasValueSatisfying(health -> assertThat(health)
                        .containsPattern(INCIDENT)
                        .doesNotContain("java.", "org/example", "Exception", "Error"));
    }

    @Test
    void vaultExceptionIsReportedInThePluginsOwnWords() {
        VaultInstances instances = new VaultInstances();
        IntegrationId id = IntegrationId.generate();

        assertThatThrownBy(() -> instances.guard(Optional.of(id), PLUGIN, "read the secret", () -> {
                    throw new VaultUnavailableException("The file vault could not read: the disk is full");
                }))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("the vault plugin 'file' (broken-vault.jar) failed to read the secret: "
                        + "The file vault could not read: the disk is full");
        assertThat(instances.failure(id))
                .hasValue("the vault plugin 'file' (broken-vault.jar) failed to read the "
                        + "secret: The file vault could not read: the disk is full");
    }
}
