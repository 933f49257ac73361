package dev.latchkey.api.rest;

import dev.latchkey.api.security.Caller;
import dev.latchkey.api.security.ClientAddresses;
import dev.latchkey.api.security.CurrentCaller;
import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission;
import dev.latchkey.domain.session.SessionService;
import dev.latchkey.domain.session.SignInFailedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Signing in and out: people trade email and password for a one-hour bearer token. */
@Path("v1/auth/tokens")
@RequestScoped
@Tag(name = "Authentication")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
    @Inject
    SessionService sessions;

    @Inject
    CurrentCaller caller;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    HttpServletRequest servletRequest;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.SIGN_IN)
    // A failed sign-in is recorded in the activity log, so that record must survive the 401.
    @Transactional(dontRollbackOn = SignInFailedException.class)
    @Operation(
            operationId = "signIn",
            summary = "Sign in",
            description = "Trades an email and password for an opaque bearer token that works for one hour.")
    @APIResponse(
            responseCode = "201",
            description = "Signed in.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenDocument")))
    @APIResponse(
            responseCode = "401",
            description = "Wrong email or password, or a disabled person; the answer does not say which.")
    @APIResponse(
            responseCode = "429",
            description = "Too many failed sign-ins: 10 within a minute for this email "
                    + "from this client address, 30 from this address for any emails, or a second one from this address "
                    + "while the account is under attack from many; wait the seconds given in Retry-After.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ErrorDocument")))
    @APIResponse(
            responseCode = "503",
            description = "`server_busy`: the server is already checking as many "
                    + "passwords and keys as it has cores for; try again after the seconds given in Retry-After.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ErrorDocument")))
    public Response signIn(SignInRequest request) {
        SessionService.SignedIn signedIn =
                sessions.signIn(request.email(), request.password(), clientAddresses.of(servletRequest));
        TokenJson token = new TokenJson(
                "current",
                "token",
                new TokenAttributes(
                        signedIn.token().reveal(), "Bearer", signedIn.expiresAt(), UserJson.of(signedIn.user())));
        return SecretResponses.status(201, new TokenDocument(token)).build();
    }

    @DELETE
    @Path("current")
    @Guarded(Permission.SIGN_OUT)
    @Transactional
    @Operation(
            operationId = "signOut",
            summary = "Sign out",
            description = "Ends the session of the bearer token sent with this request.")
    @APIResponse(responseCode = "204", description = "Signed out; the token no longer works.")
    public Response signOut() {
        Caller.Person person = (Caller.Person) caller.require();
        sessions.signOut(person.user(), person.token());
        return Response.noContent().build();
    }

    @Schema(name = "SignInRequest", description = "Credentials of a person.")
    public record SignInRequest(
            @Schema(
                    required = true,
                    format = "email",
                    examples = "owner@example.com",
                    description = "The person's email.")
            String email,

            @Schema(
                    required = true,
                    format = "password",
                    examples = "correct horse battery staple",
                    description = "The person's password; never logged or stored in plain text.")
            String password) {
        @Override
        public String toString() {
            return "SignInRequest[email=" + email + ", password=***]";
        }
    }

    @Schema(name = "TokenDocument", description = "A new bearer token.")
    public record TokenDocument(@Schema(required = true) TokenJson data) {}

    @Schema(name = "Token", description = "A bearer token resource.")
    public record TokenJson(
            @Schema(required = true, examples = "current") String id,

            @Schema(required = true, enumeration = "token", examples = "token")
            String type,

            @Schema(required = true) TokenAttributes attributes) {}

    @Schema(name = "TokenAttributes", description = "The token, shown only in this response, and whose it is.")
    public record TokenAttributes(
            @Schema(
                    required = true,
                    description = "Send as 'Authorization: Bearer <token>'.",
                    examples = "lks_q3Jx0vYQ7m1b8cFz2Kp5RtW9aH4sLn6eUd0gVi3oMjc")
            String token,

            @Schema(
                    required = true,
                    enumeration = "Bearer",
                    examples = "Bearer",
                    description = "How to send the token: Authorization: Bearer <token>.")
            String tokenType,

            @Schema(
                    required = true,
                    format = "date-time",
                    description = "When the token stops working (one hour after sign-in).",
                    examples = "2026-11-27T11:15:30Z")
            Instant expiresAt,

            @Schema(required = true, description = "Who signed in.")
            UserJson.Resource user) {
        @Override
        public String toString() {
            return "TokenAttributes[token=***, expiresAt=" + expiresAt + "]";
        }
    }
}
