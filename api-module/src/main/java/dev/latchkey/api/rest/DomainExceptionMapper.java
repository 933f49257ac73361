package dev.latchkey.api.rest;

import dev.latchkey.domain.session.SignInFailedException;
import dev.latchkey.domain.shared.CapacityExceededException;
import dev.latchkey.domain.shared.ConflictException;
import dev.latchkey.domain.shared.DomainException;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.shared.PermissionDeniedException;
import dev.latchkey.domain.shared.ServiceUnavailableException;
import dev.latchkey.domain.shared.TooManyAttemptsException;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.wizard.IllegalWizardMoveException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Turns the domain's expected failures into their status codes; the messages are already in the user's words. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {
    @Override
    public Response toResponse(DomainException e) {
        return switch (e) {
            case ValidationException invalid -> Problems.invalid(invalid.violations());
            case IllegalWizardMoveException move ->
                Problems.response(
                        409,
                        move.code(),
                        move.getMessage(),
                        Map.of(
                                "currentStep",
                                move.current().wireName(),
                                "attemptedMove",
                                move.attempted().name().toLowerCase(java.util.Locale.ROOT)));
            case ConflictException conflict -> Problems.response(409, conflict.code(), conflict.getMessage());
            case NotFoundException missing -> Problems.response(404, missing.code(), missing.getMessage());
            case PermissionDeniedException denied -> Problems.response(403, denied.code(), denied.getMessage());
            case CapacityExceededException busy -> Problems.busy(busy.code(), busy.getMessage(), busy.retryAfter());
            case ServiceUnavailableException unavailable ->
                Problems.response(503, unavailable.code(), unavailable.getMessage());
            case SignInFailedException failed -> Problems.response(401, failed.code(), failed.getMessage());
            case TooManyAttemptsException throttled ->
                Problems.throttled(throttled.code(), throttled.getMessage(), throttled.retryAfter());
            default -> Problems.response(400, e.code(), e.getMessage());
        };
    }
}
