package dev.latchkey.api.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Mounts every JAX-RS resource of Latchkey under {@code /api}; resources are found by scanning. */
@ApplicationPath("api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Latchkey",
                        version = "1",
                        description =
                                "Create API keys through a guided wizard, authenticate requests with X-API-Key, and keep secrets in pluggable vaults.",
                        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        // One place for every tag's description, so that the document reads as one product.
        tags = {
            @Tag(
                    name = "API key wizard",
                    description = "Generate an API key in four steps: details, scopes, store, "
                            + "acknowledge. The key is shown once, in the response to the scopes step."),
            @Tag(name = "API keys", description = "The workspace's keys and the scopes they can carry."),
            @Tag(name = "Activities", description = "The activity log: who did what, never a secret."),
            @Tag(name = "Authentication", description = "Sign in for a one-hour bearer token, and sign out."),
            @Tag(name = "Identity", description = "Who the server thinks the caller is."),
            @Tag(
                    name = "Integrations",
                    description = "Configured vault plugins: plan a configuration, then apply it; "
                            + "and who holds which vault role on them."),
            @Tag(
                    name = "Items",
                    description = "Secrets and accounts kept in vaults, and collections of them. Values "
                            + "appear only in the reads that ask for them."),
            @Tag(name = "Jobs", description = "Automated jobs: their runs, and starting one on demand."),
            @Tag(name = "Status", description = "Whether the API answers."),
            @Tag(name = "Teams", description = "Groups of people that items and vault roles can be shared with."),
            @Tag(name = "Testing", description = "Hooks for black-box tests; absent (404) in production."),
            @Tag(name = "Users", description = "The people of the workspace and their roles."),
            @Tag(name = "Vaults", description = "Named places for secrets, each backed by an integration.")
        })
public final class LatchkeyApplication extends Application {
    /**
     * Jersey's own switch (ServerProperties.WADL_FEATURE_DISABLE, named by its value: the API is compiled against the
     * Jakarta APIs only). Without it an OPTIONS request answers with a WADL description of every resource; with it,
     * just the Allow header. The OpenAPI document is the API's description.
     */
    private static final String DISABLE_WADL = "jersey.config.server.wadl.disableWadl";

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(DISABLE_WADL, true);
    }
}
