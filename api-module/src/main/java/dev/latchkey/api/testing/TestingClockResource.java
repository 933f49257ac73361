package dev.latchkey.api.testing;

import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Moves the server's clock forward so black-box tests can watch keys and wizards expire. It answers 404 unless
 * {@code latchkey.testing.clock-control} is true, which no production deployment sets ({@link TestingEndpointsFilter}).
 */
@Path("v1/testing/clock")
@RequestScoped
@TestingOnly
@Tag(name = "Testing")
@Produces(MediaType.APPLICATION_JSON)
public class TestingClockResource {
    @Inject
    ControllableClock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.ADVANCE_TEST_CLOCK)
    @Operation(
            operationId = "advanceTestClock",
            summary = "Advance the server clock (tests only)",
            description = "Available only when the server runs "
                    + "with latchkey.testing.clock-control=true; 404 otherwise. Workspace Owner only.")
    @APIResponse(responseCode = "404", description = "Clock control is off, as in every production deployment.")
    public Document advance(AdvanceRequest body) {
        if (body.seconds() == null || body.seconds() < 0) {
            throw new ValidationException(new Violation(
                    "seconds", "invalid_seconds", "seconds must be a whole number of seconds, 0 or more"));
        }
        Instant now = clock.advance(Duration.ofSeconds(body.seconds()))
                .orElseThrow(() -> new ValidationException(new Violation(
                        "seconds",
                        "invalid_seconds",
                        "seconds is too large: the clock cannot move past " + ControllableClock.LATEST)));
        return new Document(
                new Data("clock", "clock", new Attributes(now, clock.offset().toSeconds())));
    }

    @Schema(name = "AdvanceClockRequest", description = "How far to move the clock.")
    public record AdvanceRequest(
            @Schema(
                    required = true,
                    minimum = "0",
                    examples = "3600",
                    description = "Seconds to move the clock forward; 0 reads it without moving it.")
            Long seconds) {}

    @Schema(name = "ClockDocument", description = "The server clock.")
    public record Document(@Schema(required = true) Data data) {}

    @Schema(name = "Clock", description = "The server clock.")
    public record Data(
            @Schema(required = true, examples = "clock") String id,
            @Schema(required = true, examples = "clock") String type,
            @Schema(required = true) Attributes attributes) {}

    // Payara's OpenAPI scanner treats any accessor whose name contains "set" as a setter and fails on it,
    // so component names here avoid those three letters.
    @Schema(name = "ClockAttributes", description = "The server's time now.")
    public record Attributes(
            @Schema(
                    required = true,
                    format = "date-time",
                    description = "The server's time after the move.",
                    examples = "2026-11-27T11:15:30Z")
            Instant now,

            @Schema(required = true, description = "Seconds the clock has been moved in total.", examples = "3600")
            long advancedSeconds) {}
}
