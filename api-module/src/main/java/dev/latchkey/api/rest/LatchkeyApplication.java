package dev.latchkey.api.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** Mounts every JAX-RS resource of Latchkey under {@code /api}; resources are found by scanning. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(
        title = "Latchkey",
        version = "1",
        description = "Create API keys through a guided wizard, authenticate requests with X-API-Key, and keep secrets in pluggable vaults.",
        license = @License(name = "Apache-2.0")))
public final class LatchkeyApplication extends Application {
}
