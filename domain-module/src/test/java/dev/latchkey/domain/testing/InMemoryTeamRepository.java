package dev.latchkey.domain.testing;

import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.team.Team;
import dev.latchkey.domain.team.TeamId;
import dev.latchkey.domain.team.TeamName;
import dev.latchkey.domain.team.TeamRepository;
import dev.latchkey.domain.workspace.UserId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Teams in a map; {@link Team} is an immutable record, so no copying is needed. */
public final class InMemoryTeamRepository implements TeamRepository {
    private final Map<TeamId, Team> teams = new LinkedHashMap<>();

    @Override
    public Optional<Team> findById(TeamId id) {
        return Optional.ofNullable(teams.get(id));
    }

    @Override
    public boolean nameTaken(TeamName name, Optional<TeamId> except) {
        return teams.values().stream()
                .filter(team -> except.map(id -> !id.equals(team.id())).orElse(true))
                .anyMatch(team -> team.name().normalized().equals(name.normalized()));
    }

    @Override
    public Page<Team> page(String text, PageRequest request) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<Team> matching = teams.values().stream()
                .filter(team -> team.name().normalized().contains(lower))
                .sorted(Comparator.comparing((Team team) -> team.name().normalized()))
                .toList();
        return InMemoryPages.page(matching, request);
    }

    @Override
    public List<TeamId> teamsOf(UserId userId) {
        return teams.values().stream()
                .filter(team -> team.hasMember(userId))
                .map(Team::id)
                .toList();
    }

    @Override
    public void save(Team team) {
        teams.put(team.id(), team);
    }

    @Override
    public void delete(TeamId id) {
        teams.remove(id);
    }
}
