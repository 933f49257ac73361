package dev.latchkey.api.persistence;

import dev.latchkey.domain.team.Team;
import dev.latchkey.domain.team.TeamId;
import dev.latchkey.domain.team.TeamName;
import dev.latchkey.domain.workspace.UserId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Row of {@code teams}, with its rows of {@code team_members} in joining order. */
@Entity
@Table(name = "teams")
public class TeamEntity {
    @Id
    private String id;

    private String name;

    @Column(name = "name_key")
    private String nameKey;

    @Column(name = "created_at")
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "team_members", joinColumns = @JoinColumn(name = "team_id"))
    @Column(name = "user_id")
    @OrderColumn(name = "position")
    private List<String> memberIds = new ArrayList<>();

    @Version
    private long version;

    protected TeamEntity() {}

    TeamEntity(Team team) {
        id = team.id().value();
        createdAt = team.createdAt();
        copyFrom(team);
    }

    final void copyFrom(Team team) {
        name = team.name().value();
        nameKey = team.name().normalized();
        List<String> members = team.memberIds().stream().map(UserId::value).toList();
        if (!members.equals(memberIds)) {
            memberIds.clear();
            memberIds.addAll(members);
        }
    }

    Team toDomain() {
        return new Team(
                new TeamId(id),
                new TeamName(name),
                new LinkedHashSet<>(memberIds.stream().map(UserId::new).toList()),
                createdAt);
    }
}
