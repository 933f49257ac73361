package dev.latchkey.api.rest;

import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission;
import dev.latchkey.domain.integration.VaultPlugins;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The vault plugins the server discovered, with their configuration schemas. */
@Path("v1/vault-providers")
@RequestScoped
@Tag(name = "Integrations")
@Produces(MediaType.APPLICATION_JSON)
public class VaultProvidersResource {
    @Inject
    VaultPlugins plugins;

    @GET
    @Guarded(Permission.LIST_VAULT_PROVIDERS)
    @Operation(
            operationId = "listVaultProviders",
            summary = "List vault providers",
            description = "The built-in vault plugins and those loaded from the "
                    + "plugins directory, each with its declarative configuration schema.")
    public ProviderList list() {
        return new ProviderList(plugins.providers().stream().map(VaultJson::of).toList());
    }

    @Schema(name = "VaultProviderList", description = "Every discovered vault provider, by id.")
    public record ProviderList(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = VaultJson.ProviderResource.class)
            List<VaultJson.ProviderResource> data) {}
}
