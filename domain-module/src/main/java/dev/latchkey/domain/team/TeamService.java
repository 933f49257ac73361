package dev.latchkey.domain.team;

import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityLog;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.shared.ConflictException;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.shared.SearchText;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.UserId;
import dev.latchkey.domain.workspace.UserRepository;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Teams and their members: anyone allowed to may read them, administrators change them, and every change is logged. */
public final class TeamService {
    /** The answer for a member id that names nobody in the workspace, whether it is malformed or just unknown. */
    public static final Violation UNKNOWN_USER =
            new Violation("userId", "unknown_user", "userId must be the id of a user in this workspace");

    private final TeamRepository teams;
    private final UserRepository users;
    private final ActivityLog activities;
    private final Clock clock;

    public TeamService(TeamRepository teams, UserRepository users, ActivityLog activities, Clock clock) {
        this.teams = teams;
        this.users = users;
        this.activities = activities;
        this.clock = clock;
    }

    public Page<Team> list(SearchText text, PageRequest page) {
        return teams.page(text.value(), page);
    }

    public Team get(TeamId id) {
        return teams.findById(id).orElseThrow(() -> new NotFoundException("team_not_found", "no team with id " + id));
    }

    public Team create(User actor, TeamName name) {
        actor.requireAdministrator("managing teams");
        checkNameFree(name, Optional.empty());
        Team team = Team.create(name, clock.instant());
        teams.save(team);
        record(
                ActivityType.TEAM_CREATED,
                actor,
                team,
                Map.of("name", team.name().value()));
        return team;
    }

    /** Renaming to the current name (in any case) is allowed and records nothing when nothing changed. */
    public Team rename(User actor, TeamId id, TeamName name) {
        actor.requireAdministrator("managing teams");
        Team team = get(id);
        if (name.equals(team.name())) {
            return team;
        }
        checkNameFree(name, Optional.of(id));
        Team renamed = team.withName(name);
        teams.save(renamed);
        record(
                ActivityType.TEAM_RENAMED,
                actor,
                renamed,
                Map.of("from", team.name().value(), "to", name.value()));
        return renamed;
    }

    public void delete(User actor, TeamId id) {
        actor.requireAdministrator("managing teams");
        Team team = get(id);
        teams.delete(id);
        record(
                ActivityType.TEAM_DELETED,
                actor,
                team,
                Map.of("name", team.name().value()));
    }

    /** Adds an existing person; {@code userId} came in a body, so an unknown one is {@link #UNKNOWN_USER}, not a 404. */
    public Team addMember(User actor, TeamId id, UserId userId) {
        actor.requireAdministrator("managing teams");
        Team team = get(id);
        User member = users.findById(userId).orElseThrow(() -> new ValidationException(UNKNOWN_USER));
        if (team.hasMember(member.id())) {
            throw new ConflictException("already_a_member", member.email() + " is already a member of " + team.name());
        }
        Team changed = team.withMember(member.id());
        teams.save(changed);
        record(
                ActivityType.TEAM_MEMBER_ADDED,
                actor,
                changed,
                Map.of(
                        "name",
                        team.name().value(),
                        "userId",
                        member.id().value(),
                        "email",
                        member.email().value()));
        return changed;
    }

    public Team removeMember(User actor, TeamId id, UserId userId) {
        actor.requireAdministrator("managing teams");
        Team team = get(id);
        if (!team.hasMember(userId)) {
            throw new NotFoundException("member_not_found", "user " + userId + " is not a member of " + team.name());
        }
        Team changed = team.withoutMember(userId);
        teams.save(changed);
        record(
                ActivityType.TEAM_MEMBER_REMOVED,
                actor,
                changed,
                Map.of("name", team.name().value(), "userId", userId.value()));
        return changed;
    }

    private void checkNameFree(TeamName name, Optional<TeamId> except) {
        if (teams.nameTaken(name, except)) {
            throw new ValidationException(new Violation(
                    "name", "name_taken", "another team is already named '" + name + "'; choose a different name"));
        }
    }

    private void record(ActivityType type, User actor, Team team, Map<String, String> details) {
        activities.record(Activity.of(
                type, clock.instant(), Actor.of(actor), "team", team.id().value(), details));
    }
}
