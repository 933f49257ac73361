package dev.latchkey.api.rest;

import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: unreadable JSON becomes a 400, a concurrent update a 409, and anything else a 500 with an
 * incident id that matches a log line. Exception messages are not sent to the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (causedBy(e, JsonbException.class) || e instanceof ProcessingException) {
            return Problems.response(
                    400,
                    "malformed_json",
                    "the body is not valid JSON for this operation; check its syntax and member types");
        }
        if (causedBy(e, OptimisticLockException.class)) {
            return Problems.response(409, "concurrent_update", "someone else changed this at the same time; try again");
        }
        String incident = UUID.randomUUID().toString();
        // The stack trace is logged, not the message alone, and never a request body.
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
        return Problems.response(
                500, "internal_error", "something went wrong on the server; report incident " + incident);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
