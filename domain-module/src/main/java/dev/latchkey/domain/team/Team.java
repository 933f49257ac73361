package dev.latchkey.domain.team;

import dev.latchkey.domain.workspace.UserId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** A named group of people; {@code memberIds} keeps the order in which people joined. */
public record Team(TeamId id, TeamName name, Set<UserId> memberIds, Instant createdAt) {
    public Team {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        memberIds = Collections.unmodifiableSet(new LinkedHashSet<>(memberIds));
    }

    public static Team create(TeamName name, Instant now) {
        return new Team(TeamId.generate(), name, Set.of(), now);
    }

    public Team withName(TeamName newName) {
        return new Team(id, newName, memberIds, createdAt);
    }

    public boolean hasMember(UserId userId) {
        return memberIds.contains(userId);
    }

    public Team withMember(UserId userId) {
        Set<UserId> members = new LinkedHashSet<>(memberIds);
        members.add(userId);
        return new Team(id, name, members, createdAt);
    }

    public Team withoutMember(UserId userId) {
        Set<UserId> members = new LinkedHashSet<>(memberIds);
        members.remove(userId);
        return new Team(id, name, members, createdAt);
    }
}
