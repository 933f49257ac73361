package dev.latchkey.api.persistence;

import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.shared.WireNamed;
import dev.latchkey.domain.workspace.UserId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Row of {@code activities}; {@code details} is a flat JSON object of names and ids. */
@Entity
@Table(name = "activities")
public class ActivityEntity {
    @Id
    private String id;

    private String type;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "actor_user_id")
    private String actorUserId;

    @Column(name = "actor_api_key_id")
    private String actorApiKeyId;

    @Column(name = "actor_display")
    private String actorDisplay;

    @Column(name = "subject_type")
    private String subjectType;

    @Column(name = "subject_id")
    private String subjectId;

    private String details;

    protected ActivityEntity() {}

    ActivityEntity(Activity activity) {
        id = activity.id();
        type = activity.type().wireName();
        occurredAt = activity.occurredAt();
        actorUserId = activity.actor().userId().map(UserId::value).orElse(null);
        actorApiKeyId = activity.actor().apiKeyId().orElse(null);
        actorDisplay = activity.actor().display();
        subjectType = activity.subjectType();
        subjectId = activity.subjectId();
        JsonObjectBuilder json = Json.createObjectBuilder();
        activity.details().forEach(json::add);
        details = json.build().toString();
    }

    Activity toDomain() {
        JsonObject json = Json.createReader(new StringReader(details)).readObject();
        Map<String, String> detailMap = json.keySet().stream()
                .collect(Collectors.toMap(key -> key, key -> ((JsonString) json.get(key)).getString()));
        Actor actor = new Actor(
                Optional.ofNullable(actorUserId).map(UserId::new), Optional.ofNullable(actorApiKeyId), actorDisplay);
        return new Activity(id, typeOf(type), occurredAt, actor, subjectType, subjectId, detailMap);
    }

    static ActivityType typeOf(String wireName) {
        return WireNamed.find(ActivityType.class, wireName)
                .orElseThrow(() -> new IllegalStateException("unknown activity type in database: " + wireName));
    }
}
