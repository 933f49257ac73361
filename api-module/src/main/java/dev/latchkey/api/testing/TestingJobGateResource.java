package dev.latchkey.api.testing;

import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Holds requested jobs back in {@code created} (or lets them go), so black-box tests can watch a second request for
 * the same job be refused. Like the test clock, it answers 404 unless {@code latchkey.testing.clock-control} is true
 * ({@link TestingEndpointsFilter}).
 */
@Path("v1/testing/job-gate")
@RequestScoped
@TestingOnly
@Tag(name = "Testing")
@Produces(MediaType.APPLICATION_JSON)
public class TestingJobGateResource {
    @Inject
    JobGate gate;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.SWITCH_TEST_JOB_GATE)
    @Operation(
            operationId = "switchTestJobGate",
            summary = "Hold jobs back or let them run (tests only)",
            description = "Available only when the server "
                    + "runs with latchkey.testing.clock-control=true; 404 otherwise. Workspace Owner only. A closed "
                    + "gate opens by itself after 60 seconds.")
    public Document change(GateRequest body) {
        if (body.open() == null) {
            throw new ValidationException(new Violation("open", "invalid_open", "open must be true or false"));
        }
        if (body.open()) {
            gate.open();
        } else {
            gate.close();
        }
        return new Document(new Data("job-gate", "job_gate", new Attributes(gate.isOpen())));
    }

    @Schema(name = "JobGateRequest", description = "Whether requested jobs may run.")
    public record GateRequest(
            @Schema(
                    required = true,
                    examples = "false",
                    description = "false holds requested "
                            + "jobs in created (for 60 seconds at most); true lets them, and all later ones, run.")
            Boolean open) {}

    @Schema(name = "JobGateDocument", description = "The job gate.")
    public record Document(@Schema(required = true) Data data) {}

    @Schema(name = "JobGate", description = "The job gate.")
    public record Data(
            @Schema(required = true, examples = "job-gate") String id,

            @Schema(required = true, enumeration = "job_gate", examples = "job_gate")
            String type,

            @Schema(required = true) Attributes attributes) {}

    @Schema(name = "JobGateAttributes", description = "Whether requested jobs run now.")
    public record Attributes(
            @Schema(
                    required = true,
                    examples = "true",
                    description = "Whether requested jobs run now; false while the gate holds them.")
            boolean open) {}
}
