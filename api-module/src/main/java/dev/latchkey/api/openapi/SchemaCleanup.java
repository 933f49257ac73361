package dev.latchkey.api.openapi;

import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.scope.Scope;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Repairs what Payara's scanner gets wrong in schemas: it writes "no constraint" as {@code maxProperties: 0},
 * {@code minLength: 0} and friends (and {@code maxProperties: 0} forbids every property), adds an empty example,
 * copies nested named types inline without their required lists instead of referring to them, and types
 * {@link Instant} as an object.
 */
final class SchemaCleanup {
    /** The component that lists every scope name, built from {@link Scope} so it cannot go stale. */
    static final String SCOPE_NAME = "ScopeName";
    /** The component that lists every activity type, built from {@link ActivityType}. */
    static final String ACTIVITY_TYPE = "ActivityType";

    /**
     * The envelope's members mean the same in every resource, so they are described once, here, rather than in
     * forty annotations that would drift apart. A description written on the member itself wins.
     */
    private static final Map<String, String> ENVELOPE = Map.of(
            "data", "The primary data: one resource object, or this page of the list.",
            "id", "The resource's id.",
            "type", "The resource's type; the same for every resource of this schema.",
            "attributes", "The resource's attributes.",
            "links", "Links to this page and its neighbours.",
            "meta", "Facts about the whole list.",
            "page", "Where this page sits in the list.");

    private final ApiClasses classes;

    SchemaCleanup(ApiClasses classes) {
        this.classes = classes;
    }

    void repairComponents(Map<String, Schema> components) {
        components.put(
                SCOPE_NAME,
                OASFactory.createSchema()
                        .type(List.of(SchemaType.STRING))
                        .description("The name of a scope an API key can carry.")
                        .enumeration(Arrays.stream(Scope.values())
                                .<Object>map(Scope::wireName)
                                .toList())
                        .examples(List.of(Scope.READ_USERS.wireName())));
        components.put(
                ACTIVITY_TYPE,
                OASFactory.createSchema()
                        .type(List.of(SchemaType.STRING))
                        .description("What an activity records.")
                        .enumeration(Arrays.stream(ActivityType.values())
                                .<Object>map(ActivityType::wireName)
                                .toList())
                        .examples(List.of(ActivityType.KEY_GENERATED.wireName())));
        components.forEach((name, schema) ->
                classes.schemaType(name).filter(Class::isRecord).ifPresent(type -> repairProperties(schema, type)));
        components.values().forEach(SchemaCleanup::removeNoise);
        components.values().forEach(SchemaCleanup::describeEnvelope);
    }

    private static void describeEnvelope(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().forEach((name, property) -> {
            if (property.getDescription() == null && ENVELOPE.containsKey(name)) {
                property.setDescription(ENVELOPE.get(name));
            }
        });
    }

    /** Replaces each property of a record's schema by what the record component's Java type says it is. */
    private void repairProperties(Schema schema, Class<?> record) {
        if (schema.getProperties() == null) {
            return;
        }
        // Payara hands out read-only maps: build the repaired one beside it.
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        for (RecordComponent component : record.getRecordComponents()) {
            properties.computeIfPresent(component.getName(), (name, property) -> repaired(component, property));
        }
        schema.setProperties(properties);
    }

    private Schema repaired(RecordComponent component, Schema property) {
        Class<?> type = component.getType();
        Optional<Class<?>> element =
                Collection.class.isAssignableFrom(type) ? elementType(component.getGenericType()) : Optional.empty();
        String description = declaredDescription(component).orElse(null);
        Optional<String> named = ApiClasses.schemaName(type);
        if (named.isPresent()) {
            // A sibling description next to $ref is allowed in OpenAPI 3.1 and says what this use of the type means.
            return OASFactory.createSchema().ref(named.get()).description(description);
        }
        if (element.isPresent()) {
            Optional<String> elementName = ApiClasses.schemaName(element.get());
            if (elementName.isPresent()) {
                property.setItems(OASFactory.createSchema().ref(elementName.get()));
            } else if (element.get() == String.class && component.getName().equals("scopes")) {
                property.setItems(OASFactory.createSchema().ref(SCOPE_NAME));
            } else if (element.get() == String.class) {
                property.setItems(OASFactory.createSchema().type(List.of(SchemaType.STRING)));
            }
            property.setType(List.of(SchemaType.ARRAY));
        }
        if (type == Instant.class) {
            property.setType(List.of(SchemaType.STRING));
            property.setFormat("date-time");
        }
        if (Map.class.isAssignableFrom(type)) {
            property.setType(List.of(SchemaType.OBJECT));
            property.setAdditionalPropertiesSchema(OASFactory.createSchema().type(List.of(mapValueType(component))));
        }
        return property;
    }

    /** Maps hold text (a plugin's configuration) or counts (a job's result); say which, or examples fail lint. */
    private static SchemaType mapValueType(RecordComponent component) {
        return component.getGenericType() instanceof ParameterizedType map
                        && (map.getActualTypeArguments()[1] == Long.class
                                || map.getActualTypeArguments()[1] == Integer.class)
                ? SchemaType.INTEGER
                : SchemaType.STRING;
    }

    private static Optional<String> declaredDescription(RecordComponent component) {
        // @Schema cannot target record components, so Java keeps it on the accessor (and field) instead.
        var annotation =
                component.getAccessor().getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return annotation == null || annotation.description().isEmpty()
                ? Optional.empty()
                : Optional.of(annotation.description());
    }

    private static Optional<Class<?>> elementType(Type generic) {
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return Optional.of(element);
        }
        return Optional.empty();
    }

    /**
     * Annotations can only hold text, so Payara publishes {@code "25"} as the example of an integer: read such text
     * as the JSON value it spells, for every schema that is not a string.
     */
    static Object typed(Object example, Schema schema) {
        if (!(example instanceof String text)
                || schema.getType() == null
                || schema.getType().contains(SchemaType.STRING)) {
            return example;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return plain(reader.readValue());
        } catch (JsonException e) {
            return example;
        }
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER ->
                ((JsonNumber) value).isIntegral()
                        ? (Object) ((JsonNumber) value).longValueExact()
                        : ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case ARRAY -> value.asJsonArray().stream().map(SchemaCleanup::plain).toList();
            case OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                value.asJsonObject().forEach((key, member) -> object.put(key, plain(member)));
                yield object;
            }
        };
    }

    /** Drops the values Payara writes for "not set", here and in every nested schema. */
    static void removeNoise(Schema schema) {
        if (schema == null) {
            return;
        }
        if (Objects.equals(schema.getMinLength(), 0)) {
            schema.setMinLength(null);
        }
        if (Objects.equals(schema.getMaxProperties(), 0)) {
            schema.setMaxProperties(null);
        }
        if (Objects.equals(schema.getMinProperties(), 0)) {
            schema.setMinProperties(null);
        }
        if (Objects.equals(schema.getMinContains(), 0)) {
            schema.setMinContains(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        if (schema.getExamples() != null) {
            List<Object> examples = new ArrayList<>(schema.getExamples());
            examples.removeIf(""::equals);
            examples.replaceAll(example -> typed(example, schema));
            schema.setExamples(examples.isEmpty() ? null : examples);
        }
        if (schema.getRef() != null) {
            // Payara leaves its defaults next to a $ref as well; a reference needs none of them.
            schema.setType(null);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(SchemaCleanup::removeNoise);
        }
        removeNoise(schema.getItems());
        removeNoise(schema.getAdditionalPropertiesSchema());
    }
}
