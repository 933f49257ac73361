package dev.latchkey.api.plugins;

import dev.latchkey.domain.integration.AttributeSpec;
import dev.latchkey.domain.integration.ConfigDiagnostic;
import dev.latchkey.domain.integration.ProviderSchema;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.vault.spi.Attribute;
import dev.latchkey.vault.spi.Diagnostic;
import dev.latchkey.vault.spi.InvalidSecretPathException;
import dev.latchkey.vault.spi.SecretPath;
import dev.latchkey.vault.spi.VaultProviderFactory;
import java.time.Duration;

/** Translation between the SPI's types and the domain's: schemas, diagnostics and secret paths. */
final class PluginSchemas {
    private PluginSchemas() {}

    static ProviderSchema describe(LoadedPlugin plugin) {
        VaultProviderFactory factory = plugin.factory();
        return new ProviderSchema(
                factory.id(),
                factory.description(),
                plugin.origin(),
                factory.schema().attributes().stream()
                        .map(PluginSchemas::describe)
                        .toList());
    }

    static ConfigDiagnostic toDomain(Diagnostic diagnostic) {
        return new ConfigDiagnostic(
                diagnostic.isError(),
                diagnostic.summary(),
                diagnostic.detail(),
                String.join(".", diagnostic.path().steps()));
    }

    /** A path the user gave, as the SPI's type; an invalid one is the user's to fix. */
    static SecretPath secretPath(String path) {
        try {
            return SecretPath.parse(path);
        } catch (InvalidSecretPathException e) {
            throw new ValidationException(new Violation("path", "invalid_path", e.getMessage()));
        }
    }

    private static AttributeSpec describe(Attribute<?> attribute) {
        return new AttributeSpec(
                attribute.name(),
                attribute.type().name(),
                attribute.required(),
                attribute.defaultValue().map(PluginSchemas::text),
                attribute.sensitive(),
                attribute.requiresReplace(),
                attribute.description());
    }

    /** Defaults as a user would write them, so that an explicit default plans as no change. */
    private static String text(Object value) {
        return value instanceof Duration duration ? duration.toString() : String.valueOf(value);
    }
}
