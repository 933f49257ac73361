package dev.latchkey.api.rest;

import dev.latchkey.domain.workspace.User;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How people appear in the API. Password hashes never leave the server. */
public final class UserJson {
    private UserJson() {}

    public static Resource of(User user) {
        return new Resource(
                user.id().value(),
                "user",
                new Attributes(
                        user.email().value(), user.name(), user.role().wireName(), user.disabled(), user.createdAt()));
    }

    @Schema(name = "User", description = "A person in the workspace.")
    public record Resource(
            @Schema(required = true, format = "uuid", examples = "9b2f6c1e-4a8d-4c5e-9f3a-2d7b8e1c0a11")
            String id,

            @Schema(required = true, enumeration = "user", examples = "user")
            String type,

            @Schema(required = true) Attributes attributes) {}

    @Schema(name = "UserAttributes", description = "What is known about a person.")
    public record Attributes(
            @Schema(
                    required = true,
                    format = "email",
                    examples = "ada@example.com",
                    description = "Used to sign in; unique in the workspace.")
            String email,

            @Schema(required = true, examples = "Ada Lovelace", description = "How the person is shown.")
            String name,

            @Schema(
                    required = true,
                    enumeration = {"workspace_owner", "workspace_super_admin", "workspace_admin", "workspace_user"},
                    examples = "workspace_admin",
                    description = "The person's role in the workspace.")
            String role,

            @Schema(
                    required = true,
                    description = "A disabled person cannot sign in, and their keys stop working.",
                    examples = "false")
            boolean disabled,

            @Schema(
                    required = true,
                    format = "date-time",
                    examples = "2026-11-27T10:15:30Z",
                    description = "When the person was added.")
            Instant createdAt) {}

    @Schema(name = "UserDocument", description = "One user.")
    public record Document(@Schema(required = true) Resource data) {}

    @Schema(name = "UserList", description = "A page of users.")
    public record ListDocument(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = Resource.class)
            List<Resource> data,

            @Schema(required = true) Paging.Links links,
            @Schema(required = true) Paging.Meta meta) {}

    /** A person summarised inside another resource. */
    @Schema(name = "UserSummary", description = "Who someone is, in brief.")
    public record Summary(
            @Schema(required = true, format = "uuid", examples = "9b2f6c1e-4a8d-4c5e-9f3a-2d7b8e1c0a11")
            String id,

            @Schema(required = true, examples = "Ada Lovelace", description = "How the person is shown.")
            String name,

            @Schema(
                    required = true,
                    format = "email",
                    examples = "ada@example.com",
                    description = "The person's email.")
            String email) {
        static Summary of(User user) {
            return new Summary(user.id().value(), user.name(), user.email().value());
        }
    }
}
