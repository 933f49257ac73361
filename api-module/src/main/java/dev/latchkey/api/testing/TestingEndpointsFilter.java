package dev.latchkey.api.testing;

import dev.latchkey.api.config.LatchkeyConfig;
import dev.latchkey.domain.shared.NotFoundException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * The one place that hides the test-only endpoints: unless the server runs with
 * {@code latchkey.testing.clock-control}, every call to one answers 404 in the usual error shape, before
 * authentication, as if the path did not exist (the served OpenAPI document omits them too).
 */
@Provider
@TestingOnly
@Priority(Priorities.AUTHENTICATION - 100)
public class TestingEndpointsFilter implements ContainerRequestFilter {
    @Inject
    LatchkeyConfig config;

    @Override
    public void filter(ContainerRequestContext request) {
        requireClockControl(config.testingClockControl());
    }

    static void requireClockControl(boolean clockControl) {
        if (!clockControl) {
            throw new NotFoundException("not_found", "there is nothing at this path");
        }
    }
}
