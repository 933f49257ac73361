package dev.latchkey.api.rest;

import dev.latchkey.api.security.CurrentCaller;
import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission;
import dev.latchkey.domain.people.UserService;
import dev.latchkey.domain.shared.Ids;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.SearchText;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.team.Team;
import dev.latchkey.domain.team.TeamId;
import dev.latchkey.domain.team.TeamName;
import dev.latchkey.domain.team.TeamService;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.UserId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Teams of people: read with {@code read:users}, managed by administrators with bearer tokens. */
@Path("v1/teams")
@RequestScoped
@Tag(name = "Teams")
@Produces(MediaType.APPLICATION_JSON)
public class TeamsResource {
    @Inject
    TeamService teams;

    @Inject
    UserService users;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    @Guarded(Permission.LIST_TEAMS)
    @Operation(
            operationId = "listTeams",
            summary = "List teams",
            description = "Pages through the workspace's teams in name order, optionally those whose name contains a "
                    + "text.")
    public ListDocument list(
            @Parameter(description = "Only teams whose name contains this text (any case).", example = "platform")
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
        Page<Team> page = teams.list(SearchText.of(search), Paging.request(number, size));
        Function<UserId, User> people = memo();
        return new ListDocument(
                page.items().stream().map(team -> toJson(team, people)).toList(),
                Paging.links(uri, page, "filter[search]"),
                Paging.meta(page));
    }

    @GET
    @Path("{id}")
    @Guarded(Permission.GET_TEAM)
    @Operation(
            operationId = "getTeam",
            summary = "Get a team",
            description = "The team and its members, in the order they joined.")
    public Document get(
            @Parameter(
                            description = "The team's id.",
                            example = "3f0c5b0e-1d2a-4c3b-8e4f-5a6b7c8d9e0f",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id) {
        return document(teams.get(PathId.TEAM.parse(id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.CREATE_TEAM)
    @Transactional
    @Operation(
            operationId = "createTeam",
            summary = "Create a team",
            description = "Creates an empty team. Names are unique in the workspace, ignoring case.")
    @APIResponse(
            responseCode = "201",
            description = "The new, empty team.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TeamDocument")))
    public Response create(NameRequest body) {
        Team team = teams.create(caller.person(), body.toName());
        return Response.status(201).entity(document(team)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.RENAME_TEAM)
    @Transactional
    @Operation(
            operationId = "renameTeam",
            summary = "Rename a team",
            description = "The new name is unique in the workspace, ignoring case; members and shares stay.")
    public Document rename(
            @Parameter(
                            description = "The team's id.",
                            example = "3f0c5b0e-1d2a-4c3b-8e4f-5a6b7c8d9e0f",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id,
            NameRequest body) {
        TeamId teamId = PathId.TEAM.parse(id);
        // An unknown team is a 404 whatever the body holds, so it is looked up before the body is parsed.
        teams.get(teamId);
        return document(teams.rename(caller.person(), teamId, body.toName()));
    }

    @DELETE
    @Path("{id}")
    @Guarded(Permission.DELETE_TEAM)
    @Transactional
    @Operation(
            operationId = "deleteTeam",
            summary = "Delete a team",
            description = "Deletes the team and its memberships; the people themselves stay.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(
            @Parameter(
                            description = "The team's id.",
                            example = "3f0c5b0e-1d2a-4c3b-8e4f-5a6b7c8d9e0f",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id) {
        teams.delete(caller.person(), PathId.TEAM.parse(id));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.ADD_TEAM_MEMBER)
    @Transactional
    @Operation(
            operationId = "addTeamMember",
            summary = "Add a member to a team",
            description = "Adds an existing person; answers with the team. "
                    + "Adding someone who is already a member is a 409.")
    public Document addMember(
            @Parameter(
                            description = "The team's id.",
                            example = "3f0c5b0e-1d2a-4c3b-8e4f-5a6b7c8d9e0f",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id,
            MemberRequest body) {
        TeamId teamId = PathId.TEAM.parse(id);
        teams.get(teamId);
        return document(teams.addMember(caller.person(), teamId, body.toUserId()));
    }

    @DELETE
    @Path("{id}/members/{userId}")
    @Guarded(Permission.REMOVE_TEAM_MEMBER)
    @Transactional
    @Operation(
            operationId = "removeTeamMember",
            summary = "Remove a member from a team",
            description = "Answers with the team.")
    public Document removeMember(
            @Parameter(
                            description = "The team's id.",
                            example = "3f0c5b0e-1d2a-4c3b-8e4f-5a6b7c8d9e0f",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id,
            @Parameter(
                            description = "The member's user id.",
                            example = "9b2f6c1e-4a8d-4c5e-9f3a-2d7b8e1c0a11",
                            schema = @Schema(format = "uuid"))
                    @PathParam("userId")
                    String userId) {
        return document(teams.removeMember(caller.person(), PathId.TEAM.parse(id), PathId.TEAM_MEMBER.parse(userId)));
    }

    private Document document(Team team) {
        return new Document(toJson(team, memo()));
    }

    /** Looks each person up once per response. */
    private Function<UserId, User> memo() {
        Map<UserId, User> seen = new HashMap<>();
        return userId -> seen.computeIfAbsent(userId, users::get);
    }

    private static Data toJson(Team team, Function<UserId, User> people) {
        List<UserJson.Summary> members =
                team.memberIds().stream().map(people).map(UserJson.Summary::of).toList();
        return new Data(
                team.id().value(),
                "team",
                new Attributes(team.name().value(), members.size(), members, team.createdAt()));
    }

    @Schema(name = "TeamNameRequest", description = "A team's name.")
    public record NameRequest(
            @Schema(
                    required = true,
                    minLength = 1,
                    maxLength = 100,
                    description = "Trimmed; unique ignoring case.",
                    examples = "Platform")
            String name) {
        TeamName toName() {
            return TeamName.parse(name, "name");
        }
    }

    @Schema(name = "TeamMemberRequest", description = "Who to add.")
    public record MemberRequest(
            @Schema(
                    required = true,
                    format = "uuid",
                    examples = "9b2f6c1e-4a8d-4c5e-9f3a-2d7b8e1c0a11",
                    description = "An existing person who is not yet a member.")
            String userId) {
        /** An id that cannot be anyone's is answered as one that is nobody's. */
        UserId toUserId() {
            return Optional.ofNullable(userId)
                    .filter(Ids::isId)
                    .map(UserId::new)
                    .orElseThrow(() -> new ValidationException(TeamService.UNKNOWN_USER));
        }
    }

    @Schema(name = "TeamList", description = "A page of teams.")
    public record ListDocument(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = Data.class)
            List<Data> data,

            @Schema(required = true) Paging.Links links,
            @Schema(required = true) Paging.Meta meta) {}

    @Schema(name = "TeamDocument", description = "One team.")
    public record Document(@Schema(required = true) Data data) {}

    @Schema(name = "Team", description = "A named group of people that items can be shared with.")
    public record Data(
            @Schema(required = true, format = "uuid", examples = "3f0c5b0e-1d2a-4c3b-8e4f-5a6b7c8d9e0f")
            String id,

            @Schema(required = true, enumeration = "team", examples = "team")
            String type,

            @Schema(required = true) Attributes attributes) {}

    @Schema(name = "TeamAttributes", description = "A team's name and members.")
    public record Attributes(
            @Schema(required = true, examples = "Platform", description = "Unique in the workspace, ignoring case.")
            String name,

            @Schema(required = true, examples = "2", description = "How many people are in members.")
            int memberCount,

            @Schema(required = true, description = "In the order they joined.")
            List<UserJson.Summary> members,

            @Schema(
                    required = true,
                    format = "date-time",
                    examples = "2026-11-27T10:15:30Z",
                    description = "When the team was created.")
            Instant createdAt) {}
}
