package dev.latchkey.api.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns the served OpenAPI document into hostile requests: for each operation, its parameters and request-body
 * schema give a plausible request, and a {@link Mutation} bends one part of it (types, syntax, encoding, size,
 * method, path, headers). Everything is drawn from one seeded random source, so a seed names a request list.
 */
final class FuzzRequests {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private static final Set<String> PAYLOAD_NOT_ALLOWED = Set.of("GET", "HEAD", "DELETE", "TRACE");

    /** A body size well above the limit the server must refuse with 413 (64 KiB). */
    static final int OVERSIZED_BODY_BYTES = 512 * 1024;

    /** Markers that survive JSON serialisation and are then swapped for bytes Jackson would never write. */
    private static final String LONE_SURROGATE = "\u00a7LONE\u00a7";

    private static final String RAW_CONTROL = "\u00a7RAW\u00a7";
    private static final String BAD_UTF8 = "\u00a7BAD";
    private static final List<byte[]> INVALID_UTF8_SEQUENCES = List.of(
            new byte[] {(byte) 0xff},
            new byte[] {(byte) 0xc3, 0x28},
            new byte[] {(byte) 0xc0, (byte) 0xaf},
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[] {(byte) 0xe2, (byte) 0x82},
            new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});

    /** Which part of a plausible request is bent, and how. */
    enum Mutation {
        PLAUSIBLE,
        WRONG_TYPES,
        MISSING_MEMBERS,
        UNKNOWN_MEMBERS,
        MALFORMED_JSON,
        DEEP_NESTING,
        HUGE_STRINGS,
        OVERSIZED_BODY,
        CONTROL_CHARACTERS,
        INVALID_UTF8,
        CONTENT_TYPE,
        QUERY_TRICKS,
        PATH_TRICKS,
        METHOD_TRICKS,
        HEADER_TRICKS;

        /** Whether this mutation bends a request body; operations that take none mostly get the others. */
        boolean bendsTheBody() {
            return switch (this) {
                case PLAUSIBLE, QUERY_TRICKS, PATH_TRICKS, METHOD_TRICKS, HEADER_TRICKS -> false;
                default -> true;
            };
        }

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Set<Mutation> parse(String names) {
            Set<Mutation> parsed = EnumSet.noneOf(Mutation.class);
            for (String name : names.split(",")) {
                if (!name.isBlank()) {
                    parsed.add(valueOf(name.trim().toUpperCase(Locale.ROOT)));
                }
            }
            return parsed;
        }
    }

    /**
     * The requests the container (Grizzly, inside Payara Micro) answers itself, before any filter, exception mapper
     * or error page of the application runs, so their answers cannot carry the JSON error shape. Everything else is
     * still checked for them (no 5xx, an answer within 5 s, no internals).
     */
    enum ContainerAnswer {
        INVALID_URI("400 Invalid URI, no body: Grizzly's URI decoder refuses %00, %5c, invalid UTF-8 and raw bytes"),
        PAYLOAD_NOT_ALLOWED("400, no body: Grizzly refuses a payload on GET, HEAD, DELETE and TRACE (HEAD and TRACE "
                + "never take one, GET and DELETE only with the listener's allowPayloadForUndefinedHttpMethods)"),
        HEAD_TOO_LARGE("400, no body: the request line and headers overflow Grizzly's 8 KiB header buffer"),
        OBS_TEXT("400, no body: Grizzly refuses header values with bytes above 0x7e");

        final String reason;

        ContainerAnswer(String reason) {
            this.reason = reason;
        }
    }

    /** Who a request comes from. */
    enum Caller {
        OWNER,
        KEY,
        ANONYMOUS
    }

    record Parameter(String name, String in, JsonNode schema, boolean required, Optional<JsonNode> example) {}

    /** One operation of the served document, with its schemas resolved. */
    record Operation(
            String id,
            String method,
            String path,
            List<Parameter> parameters,
            Optional<JsonNode> body,
            Set<Integer> documentedStatuses) {
        String describe() {
            return method.toUpperCase(Locale.ROOT) + " " + path + " (" + id + ")";
        }
    }

    /**
     * A request ready to send, except for {@code {created:...}} placeholders in the target, which name an id the
     * fuzzer created itself and are filled in at send time ({@link #CREATED}).
     */
    record Request(
            int index,
            Operation operation,
            Caller caller,
            Mutation mutation,
            String trick,
            String method,
            String target,
            List<RawHttp.Header> headers,
            byte[] body,
            Optional<ContainerAnswer> containerAnswer) {}

    /** The placeholder prefix for an id created earlier in the run under the collection path that follows it. */
    static final String CREATED = "{created:";

    private final JsonNode document;
    private final SplittableRandom random;

    private FuzzRequests(JsonNode document, long seed) {
        this.document = document;
        this.random = new SplittableRandom(seed);
    }

    /** Every operation of the document, in the document's order. */
    static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.path("paths")
                .properties()
                .forEach(path -> METHODS.forEach(method -> {
                    JsonNode operation = path.getValue().path(method);
                    if (operation.isMissingNode()) {
                        return;
                    }
                    List<Parameter> parameters = new ArrayList<>();
                    for (JsonNode parameter : path.getValue().path("parameters")) {
                        parameters.add(parameter(document, parameter));
                    }
                    for (JsonNode parameter : operation.path("parameters")) {
                        parameters.add(parameter(document, parameter));
                    }
                    Optional<JsonNode> body = Optional.of(operation
                                    .path("requestBody")
                                    .path("content")
                                    .path("application/json")
                                    .path("schema"))
                            .filter(schema -> !schema.isMissingNode())
                            .map(schema -> resolve(document, schema));
                    Set<Integer> statuses = operation
                            .path("responses")
                            .propertyStream()
                            .map(Map.Entry::getKey)
                            .filter(code -> code.matches("\\d{3}"))
                            .map(Integer::valueOf)
                            .collect(Collectors.toSet());
                    operations.add(new Operation(
                            operation.path("operationId").asText(), method, path.getKey(), parameters, body, statuses));
                }));
        return operations;
    }

    /** {@code count} requests spread evenly over {@code operations}, callers and the allowed mutations. */
    static List<Request> generate(
            JsonNode document,
            List<Operation> operations,
            long seed,
            int count,
            Set<Mutation> allowed,
            Function<Operation, Set<Mutation>> safeForOwner) {
        FuzzRequests fuzz = new FuzzRequests(document, seed);
        List<Mutation> mutations = List.copyOf(allowed);
        List<Request> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Operation operation = operations.get(i % operations.size());
            Caller caller = Caller.values()[(i / operations.size()) % Caller.values().length];
            List<Mutation> choices = mutations;
            if (caller != Caller.ANONYMOUS) {
                Set<Mutation> safe = safeForOwner.apply(operation);
                choices = mutations.stream().filter(safe::contains).toList();
                if (choices.isEmpty()) {
                    caller = Caller.ANONYMOUS;
                    choices = mutations;
                }
            }
            if (operation.body().isEmpty() && fuzz.random.nextInt(8) > 0) {
                List<Mutation> withoutBodies =
                        choices.stream().filter(m -> !m.bendsTheBody()).toList();
                choices = withoutBodies.isEmpty() ? choices : withoutBodies;
            }
            Mutation mutation = choices.get(fuzz.random.nextInt(choices.size()));
            requests.add(fuzz.request(i, operation, caller, mutation));
        }
        return requests;
    }

    /**
     * The Owner's requests that walk, for every operation, each query parameter through {@link #QUERY_VALUES} and
     * each top-level body member through {@link #WRONG_VALUES}, with ids this run created where it has some; random
     * draws reach a given (member, value) pair too rarely to be relied on. Operations {@code bodyUnsafe} accepts get
     * no body walk, since a wrong value may still be a valid one.
     */
    static List<Request> systematic(
            JsonNode document, List<Operation> operations, long seed, int firstIndex, Predicate<Operation> bodyUnsafe) {
        FuzzRequests fuzz = new FuzzRequests(document, seed ^ 0x5eed);
        List<Request> requests = new ArrayList<>();
        for (Operation operation : operations) {
            for (Parameter parameter : operation.parameters()) {
                if (!parameter.in().equals("query")) {
                    continue;
                }
                for (String value : QUERY_VALUES) {
                    Draft draft = fuzz.plausibleDraft(operation, true);
                    draft.query.removeIf(pair -> pair.startsWith(encodeQuery(parameter.name()) + "="));
                    draft.query.add(encodeQuery(parameter.name()) + "=" + encodeQuery(value));
                    draft.trick = "query " + parameter.name() + "=" + abbreviate(value, 40);
                    requests.add(fuzz.finish(
                            firstIndex + requests.size(), operation, Caller.OWNER, Mutation.QUERY_TRICKS, draft));
                }
            }
            if (bodyUnsafe.test(operation)) {
                continue;
            }
            JsonNode schema =
                    operation.body().map(body -> resolve(document, body)).orElse(NODES.missingNode());
            for (String member :
                    (Iterable<String>) () -> schema.path("properties").fieldNames()) {
                for (JsonNode value : WRONG_VALUES) {
                    Draft draft = fuzz.plausibleDraft(operation, true);
                    ObjectNode body = draft.body instanceof ObjectNode object ? object : NODES.objectNode();
                    body.set(member, value);
                    draft.body = body;
                    draft.trick = member + " = " + abbreviate(value.toString(), 40);
                    requests.add(fuzz.finish(
                            firstIndex + requests.size(), operation, Caller.OWNER, Mutation.WRONG_TYPES, draft));
                }
            }
        }
        return requests;
    }

    private Draft plausibleDraft(Operation operation, boolean createdIds) {
        Draft draft = new Draft(operation.method().toUpperCase(Locale.ROOT));
        draft.segments = pathSegments(operation, createdIds);
        draft.query = plausibleQuery(operation);
        draft.body = operation.body().map(schema -> plausible(schema, 0)).orElse(null);
        draft.contentType = draft.body == null ? null : "application/json";
        draft.headers.add(new RawHttp.Header("Accept", "application/json"));
        return draft;
    }

    private Request request(int index, Operation operation, Caller caller, Mutation mutation) {
        Draft draft = plausibleDraft(operation, random.nextBoolean());
        switch (mutation) {
            case PLAUSIBLE -> draft.trick = "as documented";
            case WRONG_TYPES -> wrongTypes(draft);
            case MISSING_MEMBERS -> missingMembers(draft);
            case UNKNOWN_MEMBERS -> unknownMembers(draft);
            case MALFORMED_JSON -> malformed(draft);
            case DEEP_NESTING -> deepNesting(draft);
            case HUGE_STRINGS -> hugeStrings(draft);
            case OVERSIZED_BODY -> oversized(draft);
            case CONTROL_CHARACTERS -> controlCharacters(draft);
            case INVALID_UTF8 -> invalidUtf8(draft);
            case CONTENT_TYPE -> contentType(draft);
            case QUERY_TRICKS -> queryTricks(draft, operation);
            case PATH_TRICKS -> pathTricks(draft);
            case METHOD_TRICKS -> methodTricks(draft);
            case HEADER_TRICKS -> headerTricks(draft);
        }
        return finish(index, operation, caller, mutation, draft);
    }

    private Request finish(int index, Operation operation, Caller caller, Mutation mutation, Draft draft) {
        if (draft.contentType != null) {
            draft.headers.add(new RawHttp.Header("Content-Type", draft.contentType));
        }
        byte[] body = draft.bytes();
        Optional<ContainerAnswer> containerAnswer = Optional.ofNullable(draft.containerAnswer);
        if (body.length > 0 && PAYLOAD_NOT_ALLOWED.contains(draft.method)) {
            containerAnswer = Optional.of(ContainerAnswer.PAYLOAD_NOT_ALLOWED);
        } else if (draft.target().length() > 8_000) {
            containerAnswer = Optional.of(ContainerAnswer.HEAD_TOO_LARGE);
        } else if (draft.headers.stream()
                .anyMatch(header -> header.value().chars().anyMatch(c -> c > 0x7e))) {
            containerAnswer = Optional.of(ContainerAnswer.OBS_TEXT);
        }
        return new Request(
                index,
                operation,
                caller,
                mutation,
                draft.trick,
                draft.method,
                draft.target(),
                List.copyOf(draft.headers),
                body,
                containerAnswer);
    }

    /** A request under construction. */
    private static final class Draft {
        String method;
        List<String> segments = new ArrayList<>();
        List<String> query = new ArrayList<>();
        JsonNode body;
        byte[] rawBody;
        String contentType;
        List<RawHttp.Header> headers = new ArrayList<>();
        String trick = "";
        ContainerAnswer containerAnswer;

        Draft(String method) {
            this.method = method;
        }

        String target() {
            String path = String.join("/", segments);
            return query.isEmpty() ? path : path + "?" + String.join("&", query);
        }

        byte[] bytes() {
            if (rawBody != null) {
                return rawBody;
            }
            return body == null ? new byte[0] : encode(write(body));
        }
    }

    // --- plausible requests ---------------------------------------------------------------------------------------

    /** Ids are ones this run created (so deeper code runs) or random (so nothing another test made is touched). */
    private List<String> pathSegments(Operation operation, boolean createdIds) {
        List<String> segments = new ArrayList<>();
        String[] parts = operation.path().split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("{") && part.endsWith("}")) {
                String collection = String.join("/", List.of(parts).subList(0, i));
                segments.add(
                        createdIds
                                ? CREATED + collection + "}"
                                : UUID.randomUUID().toString());
            } else {
                segments.add(part);
            }
        }
        return segments;
    }

    private List<String> plausibleQuery(Operation operation) {
        List<String> query = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query") && (parameter.required() || random.nextInt(3) == 0)) {
                JsonNode value = parameter
                        .example()
                        .filter(example -> random.nextBoolean())
                        .orElseGet(() -> plausible(parameter.schema(), 0));
                query.add(encodeQuery(parameter.name()) + "="
                        + encodeQuery(value.isTextual() ? value.asText() : value.toString()));
            }
        }
        return query;
    }

    private JsonNode plausible(JsonNode schema, int depth) {
        schema = resolve(document, schema);
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size()));
        }
        String type = type(schema);
        String format = schema.path("format").asText();
        return switch (type) {
            case "object" -> plausibleObject(schema, depth);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int items = depth > 3 ? 0 : 1 + random.nextInt(2);
                for (int i = 0; i < items; i++) {
                    array.add(plausible(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer" ->
                NODES.numberNode(example(schema).map(JsonNode::asLong).orElse((long) random.nextInt(100)));
            case "number" -> NODES.numberNode(random.nextDouble() * 100);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default ->
                switch (format) {
                    case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                    case "date-time" ->
                        NODES.textNode(Instant.parse("2026-12-04T12:00:00Z")
                                .plusSeconds(random.nextInt(1_000_000))
                                .toString());
                    case "email" -> NODES.textNode("fuzz-" + token(8) + "@example.com");
                    case "password" -> NODES.textNode("fuzz-password-" + token(12));
                    default ->
                        example(schema)
                                .filter(example -> random.nextBoolean())
                                .orElseGet(() -> NODES.textNode("fuzz " + token(6)));
                };
        };
    }

    private JsonNode plausibleObject(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        schema.path("properties").properties().forEach(property -> {
            if (required.contains(property.getKey()) || random.nextInt(3) > 0) {
                object.set(property.getKey(), plausible(property.getValue(), depth + 1));
            }
        });
        if (schema.path("additionalProperties").isObject() && depth < 3) {
            object.set("fuzz_" + token(4), plausible(schema.path("additionalProperties"), depth + 1));
        }
        return object;
    }

    private static Optional<JsonNode> example(JsonNode schema) {
        if (schema.path("examples").isArray() && schema.path("examples").size() > 0) {
            return Optional.of(schema.path("examples").get(0));
        }
        return Optional.ofNullable(schema.get("example"));
    }

    // --- mutations --------------------------------------------------------------------------------------------------

    private static final List<JsonNode> WRONG_VALUES = List.of(
            NODES.numberNode(123),
            NODES.numberNode(-1),
            NODES.numberNode(1e308),
            NODES.numberNode(new BigInteger("92233720368547758080000")),
            NODES.numberNode(1.5),
            NODES.booleanNode(true),
            NODES.nullNode(),
            NODES.textNode("not-what-you-want"),
            NODES.textNode(""),
            NODES.arrayNode(),
            NODES.arrayNode().add(1).add("x"),
            NODES.objectNode(),
            NODES.objectNode().set("a", NODES.objectNode()),
            NODES.textNode("9999999999999999999999"),
            NODES.textNode("-9223372036854775809"),
            NODES.textNode("+999999999-12-31T23:59:59Z"),
            NODES.arrayNode().add("x"));

    /** Query values that are the wrong type, out of range, overflowing, empty or huge for most parameters. */
    private static final List<String> QUERY_VALUES = List.of(
            "-1",
            "0",
            "99999999999999999999",
            "1e3",
            "abc",
            "",
            "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "2026-13-45T99:99:99Z",
            "x".repeat(3_000),
            "\u0000",
            "a,b,,");

    private JsonNode wrongValue() {
        return WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size()));
    }

    private void wrongTypes(Draft draft) {
        if (draft.body instanceof ObjectNode object && !object.isEmpty() && random.nextInt(4) > 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (random.nextBoolean()) {
                    object.set(name, wrongValue());
                }
            }
            object.set(names.get(random.nextInt(names.size())), wrongValue());
            draft.trick = "members of the wrong type";
        } else {
            draft.body = wrongValue();
            draft.contentType = "application/json";
            draft.trick = "a body of the wrong type: " + draft.body;
        }
    }

    private void missingMembers(Draft draft) {
        switch (random.nextInt(3)) {
            case 0 -> {
                draft.body = NODES.objectNode();
                draft.trick = "an empty object";
            }
            case 1 -> {
                draft.body = null;
                draft.rawBody = new byte[0];
                draft.trick = "no body";
            }
            default -> {
                draft.body = NODES.nullNode();
                draft.trick = "a null body";
            }
        }
        draft.contentType = "application/json";
    }

    private void unknownMembers(Draft draft) {
        ObjectNode object = draft.body instanceof ObjectNode existing ? existing : NODES.objectNode();
        object.set(
                "fuzz_unknown",
                NODES.arrayNode()
                        .add(NODES.arrayNode()
                                .add(1)
                                .add(NODES.objectNode()
                                        .set("deeper", NODES.arrayNode().add(NODES.objectNode())))));
        object.set("__proto__", NODES.objectNode().put("admin", true));
        object.put("role", "workspace_owner");
        draft.body = object;
        draft.contentType = "application/json";
        draft.trick = "unknown and privileged members";
    }

    /** Syntax errors, including the truncations that once pinned a core in Parsson's skip loop. */
    private static final List<String> BROKEN_JSON = List.of(
            "{\"x\":[",
            "{\"x\":[1}",
            "{\"a\":{\"b\":1",
            "{",
            "{\"a\"",
            "{\"a\":}",
            "{,}",
            "[1,]",
            "{\"a\":1,}",
            "{'a':1}",
            "{\"a\":01}",
            "{\"a\":NaN}",
            "{} trailing",
            "{\"a\":\"unterminated",
            "{\"x\":{\"y\":[[[",
            "]",
            "nul",
            "\"");

    private void malformed(Draft draft) {
        String text = draft.body == null ? "{}" : write(draft.body);
        if (random.nextBoolean() && text.length() > 1) {
            draft.rawBody = encode(text.substring(0, 1 + random.nextInt(text.length() - 1)));
            draft.trick = "a truncated body";
        } else {
            draft.rawBody = encode(BROKEN_JSON.get(random.nextInt(BROKEN_JSON.size())));
            draft.trick = "broken JSON syntax";
        }
        draft.contentType = "application/json";
    }

    private void deepNesting(Draft draft) {
        int depth = List.of(200, 2_000, 20_000).get(random.nextInt(3));
        boolean arrays = random.nextBoolean();
        String nested =
                arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        String text = draft.body instanceof ObjectNode object && !object.isEmpty() && random.nextBoolean()
                ? write(object.put(firstName(object), "\u00a7NEST\u00a7")).replace("\"\u00a7NEST\u00a7\"", nested)
                : nested;
        draft.rawBody = encode(text);
        draft.contentType = "application/json";
        draft.trick = "JSON nested " + depth + " deep";
    }

    private void hugeStrings(Draft draft) {
        int length = 10_000 + random.nextInt(40_000);
        ObjectNode object = draft.body instanceof ObjectNode existing
                ? existing
                : NODES.objectNode().put("name", "");
        String name = firstName(object);
        object.put(name, "\u00e9x".repeat(length / 3));
        draft.body = object;
        draft.contentType = "application/json";
        draft.trick = "a " + length + "-character string in " + name;
    }

    private void oversized(Draft draft) {
        ObjectNode object = draft.body instanceof ObjectNode existing ? existing : NODES.objectNode();
        object.put(object.isEmpty() ? "name" : firstName(object), "a".repeat(OVERSIZED_BODY_BYTES));
        draft.body = object;
        draft.contentType = "application/json";
        draft.trick = "a body of " + OVERSIZED_BODY_BYTES + " bytes";
    }

    private static final List<String> ODD_STRINGS = List.of(
            "\u0000",
            "nul\u0000in the middle",
            "\u0001\u0002\u001f",
            "\u001b[31mred\u001b[0m",
            "\u007f",
            "line\u2028separator",
            "\u202eright-to-left",
            "\ufeffbom",
            "\uffff",
            "\ud83d\udd11 emoji",
            "e\u0301\u0301\u0301",
            "tab\tnewline\ncr\r",
            LONE_SURROGATE,
            RAW_CONTROL,
            "<script>alert(1)</script>",
            "' OR '1'='1",
            "${jndi:ldap://127.0.0.1/x}",
            "%s%n%x",
            "../../etc/passwd",
            " ",
            "   padded   ");

    private void controlCharacters(Draft draft) {
        ObjectNode object = draft.body instanceof ObjectNode existing && !existing.isEmpty()
                ? existing
                : NODES.objectNode().put("name", "");
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        StringBuilder used = new StringBuilder();
        for (String name : names) {
            if (object.get(name).isTextual() || random.nextInt(3) == 0) {
                String odd = ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()));
                object.put(name, odd);
                used.append(HexFormat.of().formatHex(odd.getBytes(UTF_8)), 0, Math.min(16, odd.length() * 2))
                        .append(' ');
            }
        }
        draft.body = object;
        draft.rawBody = encode(write(object));
        draft.contentType = "application/json";
        draft.trick = "control and odd characters (" + used.toString().trim() + ")";
        if (random.nextInt(4) == 0) {
            draft.query.add("q=" + "%00%01%1b%7f%e2%80%ae");
        }
    }

    private void invalidUtf8(Draft draft) {
        ObjectNode object = draft.body instanceof ObjectNode existing && !existing.isEmpty()
                ? existing
                : NODES.objectNode().put("name", "");
        int sequence = random.nextInt(INVALID_UTF8_SEQUENCES.size());
        object.put(firstName(object), "before" + BAD_UTF8 + sequence + "\u00a7after");
        draft.rawBody = encode(write(object));
        draft.contentType = random.nextBoolean() ? "application/json" : "application/json; charset=utf-8";
        draft.trick =
                "invalid UTF-8 in a string (" + HexFormat.of().formatHex(INVALID_UTF8_SEQUENCES.get(sequence)) + ")";
    }

    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/json, text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "multipart/form-data",
            "application/json; charset=utf-16",
            "application/json; charset=no-such-charset",
            "application/json;;",
            "application/*",
            "*/*",
            "application/vnd.api+json",
            "APPLICATION/JSON",
            "",
            "json",
            "application/json; boundary=\"",
            "text/html; charset=\u00ff");

    private void contentType(Draft draft) {
        if (draft.body == null) {
            draft.body = NODES.objectNode().put("a", 1);
        }
        draft.contentType = random.nextInt(8) == 0 ? null : CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
        draft.trick =
                draft.contentType == null ? "a JSON body without Content-Type" : "Content-Type: " + draft.contentType;
    }

    private void queryTricks(Draft draft, Operation operation) {
        List<Parameter> query = operation.parameters().stream()
                .filter(p -> p.in().equals("query"))
                .toList();
        switch (random.nextInt(6)) {
            case 0 -> {
                for (int i = 0; i < 41 + random.nextInt(60); i++) {
                    draft.query.add("p" + i + "=" + i);
                }
                draft.trick = "more than 40 query parameters";
            }
            case 1 -> {
                draft.query.add("filter%5B=1");
                draft.query.add("page%5Bsize%5D%5D=1");
                draft.query.add("=");
                draft.query.add("&&");
                draft.trick = "malformed parameter names";
            }
            default -> {
                if (query.isEmpty()) {
                    draft.query.add("unknown=" + encodeQuery(wrongValue().asText()));
                    draft.trick = "an undocumented query parameter";
                    return;
                }
                Parameter parameter = query.get(random.nextInt(query.size()));
                String value = List.of(
                                "-1",
                                "0",
                                "99999999999999999999",
                                "1e3",
                                "abc",
                                "",
                                "+999999999-12-31T23:59:59Z",
                                "-999999999-01-01T00:00:00Z",
                                "2026-13-45T99:99:99Z",
                                "x".repeat(5_000),
                                "%00",
                                "%ff",
                                "%5c",
                                "[]",
                                "{}",
                                "null",
                                "\u00e9",
                                "a,b,c,,,")
                        .get(random.nextInt(18));
                String encoded = value.startsWith("%") ? value : encodeQuery(value);
                draft.query.add(encodeQuery(parameter.name()) + "=" + encoded);
                if (random.nextBoolean()) {
                    draft.query.add(encodeQuery(parameter.name()) + "=" + encoded);
                }
                draft.trick = "query " + parameter.name() + "=" + abbreviate(value, 40);
            }
        }
    }

    private record PathTrick(String value, boolean invalidUri) {}

    /** Tricks for one path segment; the flagged ones are {@link ContainerAnswer#INVALID_URI}. */
    private static final List<PathTrick> PATH_TRICKS = List.of(
            new PathTrick("..", false),
            new PathTrick("%2e%2e", false),
            new PathTrick("%2F", false),
            new PathTrick("%2f..%2f..%2fopenapi", false),
            new PathTrick("x;a=b", false),
            new PathTrick(";jsessionid=1", false),
            new PathTrick("%20", false),
            new PathTrick("null", false),
            new PathTrick("-1", false),
            new PathTrick("0", false),
            new PathTrick("9223372036854775808", false),
            new PathTrick("x".repeat(4_000), false),
            new PathTrick("%C3%A9%E2%80%AE", false),
            new PathTrick("%7Bid%7D", false),
            new PathTrick("%25", false),
            new PathTrick("a%3Fb%23c", false),
            new PathTrick("%00", true),
            new PathTrick("%ff", true),
            new PathTrick("%5c", true),
            new PathTrick("%c0%af", true),
            new PathTrick("\u00ff\u00fe", true),
            new PathTrick("%", true));

    private void pathTricks(Draft draft) {
        int segment = draft.segments.size() - 1;
        for (int i = 0; i < draft.segments.size(); i++) {
            if (draft.segments.get(i).startsWith(CREATED)
                    || draft.segments.get(i).matches("[0-9a-f-]{36}")) {
                segment = i;
                break;
            }
        }
        switch (random.nextInt(5)) {
            case 0 -> {
                String prefix = List.of("/api/v1/.", "//api/v1", "/api/v1/../v1", "/API/v1", "/api/v1;x=y", "/api/v2")
                        .get(random.nextInt(6));
                List<String> rest = new ArrayList<>(draft.segments.subList(3, draft.segments.size()));
                draft.segments.clear();
                draft.segments.add(prefix);
                draft.segments.addAll(rest);
                draft.trick = "path prefix " + prefix;
            }
            case 1 -> {
                draft.segments.add(random.nextBoolean() ? "" : "extra");
                draft.trick = "a trailing segment";
            }
            default -> {
                PathTrick trick = PATH_TRICKS.get(random.nextInt(PATH_TRICKS.size()));
                draft.segments.set(segment, trick.value());
                draft.containerAnswer = trick.invalidUri() ? ContainerAnswer.INVALID_URI : null;
                draft.trick = "path segment " + abbreviate(trick.value(), 40);
            }
        }
    }

    private void methodTricks(Draft draft) {
        List<String> methods =
                List.of("TRACE", "OPTIONS", "HEAD", "PROPFIND", "FOO", "get", "PUT", "POST", "DELETE", "PATCH", "GET");
        draft.method = methods.get(random.nextInt(methods.size()));
        draft.trick = "method " + draft.method;
    }

    private void headerTricks(Draft draft) {
        draft.headers.clear();
        switch (random.nextInt(8)) {
            case 0 ->
                draft.headers.add(new RawHttp.Header(
                        "Accept",
                        List.of("application/xml", "text/html", "image/*", "application/json;q=0", "", "*/*;q=abc")
                                .get(random.nextInt(6))));
            case 1 ->
                draft.headers.add(new RawHttp.Header(
                        "Authorization",
                        List.of(
                                        "Bearer",
                                        "Bearer ",
                                        "Basic Zm9vOmJhcg==",
                                        "Bearer lks_" + token(43),
                                        "bearer " + "x".repeat(3_000),
                                        "Bearer a b c",
                                        "Digest x")
                                .get(random.nextInt(7))));
            case 2 ->
                draft.headers.add(new RawHttp.Header(
                        "X-API-Key",
                        List.of(
                                        "",
                                        "lk_" + token(40),
                                        "x".repeat(3_000),
                                        "lk_live_" + token(32) + "\u00ff",
                                        " ",
                                        "null")
                                .get(random.nextInt(6))));
            case 3 -> {
                draft.headers.add(new RawHttp.Header("X-API-Key", "lk_" + token(40)));
                draft.headers.add(new RawHttp.Header("X-API-Key", "lk_" + token(40)));
            }
            case 4 -> draft.headers.add(new RawHttp.Header("X-Forwarded-For", "127.0.0.1, " + "9".repeat(200)));
            case 5 -> draft.headers.add(new RawHttp.Header("Accept-Charset", "ebcdic"));
            case 6 -> draft.headers.add(new RawHttp.Header("If-None-Match", "\"" + "x".repeat(2_000)));
            default -> draft.headers.add(new RawHttp.Header("Accept", "application/json; charset=utf-16"));
        }
        draft.trick = "header "
                + abbreviate(
                        draft.headers.get(0).name() + ": "
                                + draft.headers.get(0).value(),
                        60);
        draft.headers.add(new RawHttp.Header("X-Fuzz", "1"));
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static String firstName(ObjectNode object) {
        return object.isEmpty() ? "name" : object.fieldNames().next();
    }

    private static Parameter parameter(JsonNode document, JsonNode parameter) {
        JsonNode resolved = resolve(document, parameter);
        return new Parameter(
                resolved.path("name").asText(),
                resolved.path("in").asText(),
                resolve(document, resolved.path("schema")),
                resolved.path("required").asBoolean(),
                Optional.ofNullable(resolved.get("example")));
    }

    static JsonNode resolve(JsonNode document, JsonNode schema) {
        for (int hops = 0; schema.has("$ref") && hops < 10; hops++) {
            String pointer = schema.path("$ref").asText().replaceFirst("^#", "");
            schema = document.at(pointer);
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.path(combinator).isArray() && schema.path(combinator).size() > 0 && !schema.has("type")) {
                return resolve(document, schema.path(combinator).get(0));
            }
        }
        return schema;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    private String token(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** UTF-8, with the markers swapped for a lone surrogate escape, a raw control byte and invalid UTF-8. */
    private static byte[] encode(String json) {
        String text = json.replace(LONE_SURROGATE, "\\ud800").replace(RAW_CONTROL, "\u0001");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        int marker;
        while ((marker = text.indexOf(BAD_UTF8, at)) >= 0) {
            out.writeBytes(text.substring(at, marker).getBytes(UTF_8));
            int sequence = text.charAt(marker + BAD_UTF8.length()) - '0';
            out.writeBytes(INVALID_UTF8_SEQUENCES.get(sequence));
            at = marker + BAD_UTF8.length() + 2;
        }
        out.writeBytes(text.substring(at).getBytes(UTF_8));
        return out.toByteArray();
    }

    private static String encodeQuery(String value) {
        return URLEncoder.encode(value, UTF_8);
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
