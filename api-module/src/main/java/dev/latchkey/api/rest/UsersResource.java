package dev.latchkey.api.rest;

import dev.latchkey.api.security.CurrentCaller;
import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission;
import dev.latchkey.domain.people.NewUser;
import dev.latchkey.domain.people.PersonName;
import dev.latchkey.domain.people.UserChange;
import dev.latchkey.domain.people.UserService;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.SearchText;
import dev.latchkey.domain.shared.Violations;
import dev.latchkey.domain.workspace.Email;
import dev.latchkey.domain.workspace.Password;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** People of the workspace: read with {@code read:users}, managed by administrators. */
@Path("v1/users")
@RequestScoped
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {
    @Inject
    UserService users;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    @Guarded(Permission.LIST_USERS)
    @Operation(
            operationId = "listUsers",
            summary = "List users",
            description = "Pages through the workspace's people, optionally those whose name or email contains a text.")
    public UserJson.ListDocument list(
            @Parameter(description = "Only people whose name or email contains this text (any case).", example = "ada")
                    @QueryParam("filter[search]")
                    String search,
            @Parameter(
                            description = "Page number, from 1.",
                            example = "1",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    @QueryParam(Paging.NUMBER)
                    String number,
            @Parameter(
                            description = "Entries per page, 1 to 100.",
                            example = "25",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
                    @QueryParam(Paging.SIZE)
                    String size) {
        Page<User> page = users.list(SearchText.of(search), Paging.request(number, size));
        return new UserJson.ListDocument(
                page.items().stream().map(UserJson::of).toList(),
                Paging.links(uri, page, "filter[search]"),
                Paging.meta(page));
    }

    @GET
    @Path("{id}")
    @Guarded(Permission.GET_USER)
    @Operation(operationId = "getUser", summary = "Get a user")
    public UserJson.Document get(
            @Parameter(
                            description = "The user's id.",
                            example = "9b2f6c1e-4a8d-4c5e-9f3a-2d7b8e1c0a11",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id) {
        return new UserJson.Document(UserJson.of(users.get(PathId.USER.parse(id))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.CREATE_USER)
    @Transactional
    @Operation(
            operationId = "createUser",
            summary = "Create a user",
            description = "Adds a person. Only the Owner may create Super Admins; nobody creates a second Owner.")
    @APIResponse(
            responseCode = "201",
            description = "The new person.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserDocument")))
    public Response create(CreateUserRequest request) {
        User created = users.create(caller.person(), request.toNewUser());
        return Response.status(201)
                .entity(new UserJson.Document(UserJson.of(created)))
                .build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.UPDATE_USER)
    @Transactional
    @Operation(
            operationId = "updateUser",
            summary = "Change a user",
            description = "Changes a person's role or disables them. Their API keys follow at once: a person who is "
                    + "no longer an enabled administrator has keys that stop working on the next request.")
    public UserJson.Document update(
            @Parameter(
                            description = "The user's id.",
                            example = "9b2f6c1e-4a8d-4c5e-9f3a-2d7b8e1c0a11",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id,
            UpdateUserRequest request) {
        User updated = users.update(caller.person(), PathId.USER.parse(id), request.toChange());
        return new UserJson.Document(UserJson.of(updated));
    }

    @Schema(name = "CreateUserRequest", description = "A new person.")
    public record CreateUserRequest(
            @Schema(
                    required = true,
                    format = "email",
                    examples = "grace@example.com",
                    description = "Unique in the workspace (any case); used to sign in.")
            String email,

            @Schema(required = true, examples = "Grace Hopper", description = "How the person is shown.")
            String name,

            @Schema(
                    required = true,
                    enumeration = {"workspace_super_admin", "workspace_admin", "workspace_user"},
                    examples = "workspace_admin",
                    description = "Nobody creates a second Owner; only the Owner creates Super Admins.")
            String role,

            @Schema(
                    required = true,
                    format = "password",
                    minLength = 12,
                    examples = "a long passphrase here",
                    description = "At least 12 characters; stored only as an argon2id hash.")
            String password) {
        /** Every missing or invalid field is reported at once, each under its own pointer. */
        NewUser toNewUser() {
            Violations violations = new Violations();
            Optional<Email> parsedEmail = violations.collect(() -> Email.parse(email, "email"));
            Optional<PersonName> parsedName = violations.collect(() -> PersonName.parse(name, "name"));
            Optional<Role> parsedRole = violations.collect(() -> Role.parse(role, "role"));
            Optional<String> checkedPassword = violations.collect(() -> Password.check(password, "password"));
            violations.throwIfAny();
            return new NewUser(
                    parsedEmail.orElseThrow(),
                    parsedName.orElseThrow(),
                    parsedRole.orElseThrow(),
                    checkedPassword.orElseThrow());
        }

        @Override
        public String toString() {
            return "CreateUserRequest[email=" + email + ", role=" + role + ", password=***]";
        }
    }

    @Schema(name = "UpdateUserRequest", description = "What to change; absent members stay as they are.")
    public record UpdateUserRequest(
            @Schema(
                    enumeration = {"workspace_super_admin", "workspace_admin", "workspace_user"},
                    examples = "workspace_user",
                    description = "The new role, if it changes.")
            String role,

            @Schema(
                    examples = "true",
                    description = "true disables the person (their keys stop working); false enables them.")
            Boolean disabled) {
        /** An absent member is no change; a role that is given must be one of the wire names. */
        UserChange toChange() {
            return new UserChange(
                    Optional.ofNullable(role).map(r -> Role.parse(r, "role")), Optional.ofNullable(disabled));
        }
    }
}
