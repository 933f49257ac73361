package dev.latchkey.domain.team;

import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.workspace.UserId;
import java.util.List;
import java.util.Optional;

/** Port: where teams and their memberships live. */
public interface TeamRepository {
    Optional<Team> findById(TeamId id);

    /** The team, other than {@code except}, that already has this name ignoring case, if any. */
    boolean nameTaken(TeamName name, Optional<TeamId> except);

    /** Teams whose name contains {@code text} (case-insensitive), or all when it is empty; ordered by name. */
    Page<Team> page(String text, PageRequest request);

    /** The teams {@code userId} belongs to. */
    List<TeamId> teamsOf(UserId userId);

    /** Inserts or updates the team and brings its memberships in line with {@link Team#memberIds()}. */
    void save(Team team);

    /** Deletes the team and its memberships. */
    void delete(TeamId id);
}
