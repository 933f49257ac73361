package dev.latchkey.api.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.api.it.Api.Credential;
import dev.latchkey.api.it.FuzzRequests.Mutation;
import dev.latchkey.api.it.FuzzRequests.Operation;
import dev.latchkey.api.it.FuzzRequests.Request;
import dev.latchkey.api.it.RawHttp.Answer;
import dev.latchkey.api.it.RawHttp.NoAnswer;
import dev.latchkey.api.it.RawHttp.Outcome;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fuzzes every operation of the served OpenAPI document: wrong types, missing and unknown members, malformed,
 * truncated and deeply nested JSON, huge strings and bodies, control characters and invalid UTF-8, odd content
 * types, query and path tricks, odd methods and headers, each signed in as the Owner (bearer token), with an API key
 * carrying every scope, and anonymously. It fails on any undocumented 5xx, any request not answered within 5 s, any
 * class name or stack trace in a body, any error under {@code /api} that is not the one JSON error shape (except the
 * few the container answers itself, listed with their reasons in {@link FuzzRequests.ContainerAnswer}), and an
 * oversized body ({@value FuzzRequests#OVERSIZED_BODY_BYTES} bytes, eight times the 64 KiB limit) that the Owner
 * gets read rather than refused with 413.
 *
 * <p>Configuration, all by system property: {@code latchkey.fuzz.seed} (default {@value #DEFAULT_SEED}; the seed is
 * printed, and passing it again gives the same request list), {@code latchkey.fuzz.requests} (random requests,
 * default {@value #DEFAULT_REQUESTS}; about 1,200 systematic ones follow them, {@link FuzzRequests#systematic}, for
 * 5,200 in all), {@code latchkey.fuzz.skip} (comma-separated {@link Mutation} names to leave out,
 * e.g. {@code malformed_json} on a server that still loops on truncated JSON; none by default). Requests run
 * {@value #CONCURRENCY} at a time; counts per mutation, operation tag, caller, status and container answer, and the
 * time spent per mutation, are printed at the end. After {@value #GIVE_UP_AFTER_UNANSWERED} unanswered requests the
 * server is taken to be stuck and the rest are not sent (the failure says how many).
 *
 * <p>Ids in paths are random or were created by this run ({@link FuzzRequests#CREATED}), so nothing other tests rely
 * on is changed or removed; operations that would change shared state for a valid request (moving the test clock,
 * closing the job gate, signing out) get only requests that cannot be valid when sent with a credential. The class
 * runs last ({@link Order}, with the class orderer set in the failsafe configuration) because it fills the workspace
 * with users, keys and items that a listing in another test could trip over.
 */
@ExtendWith(LatchkeyServerExtension.class)
@Order(Integer.MAX_VALUE)
class OpenApiFuzzIT {
    static final long DEFAULT_SEED = 20261204L;
    static final int DEFAULT_REQUESTS = 4000;
    static final int CONCURRENCY = 4;
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    private static final int EXCERPT = 200;
    /** A server that leaves this many requests unanswered is stuck; sending the rest would only take 5 s each. */
    private static final int GIVE_UP_AFTER_UNANSWERED = 8;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Java package and class names, exception types and stack frames: internals a client must never see. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(?:java|javax|jakarta|sun|com\\.sun|org\\.eclipse|org\\.glassfish|org\\.h2|org\\.jboss|org\\.hibernate"
                    + "|org\\.flywaydb|fish\\.payara|dev\\.latchkey|com\\.fasterxml|com\\.hazelcast)\\.[a-z]\\w*"
                    + "|\\b[A-Z]\\w*(?:Exception|Error)\\b|\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)"
                    + "|\\bat [\\w$.]+\\((?:Native Method|Unknown Source)\\)");

    /**
     * Answers that come before an operation reads its body (authentication, authorization, routing, content
     * negotiation, throttling); any other answer to an oversized body means the body was read.
     */
    private static final Set<Integer> ANSWERED_BEFORE_THE_BODY = Set.of(401, 403, 405, 406, 415, 429);
    /** Operations whose valid request changes state every other test shares, keyed by operationId. */
    private static final Set<String> SHARED_STATE = Set.of("advanceTestClock", "switchTestJobGate");
    /** Mutations that never make a valid request for {@link #SHARED_STATE} operations. */
    private static final Set<Mutation> NEVER_VALID =
            EnumSet.of(Mutation.MALFORMED_JSON, Mutation.DEEP_NESTING, Mutation.MISSING_MEMBERS);
    /** Signing out with the run's own token would sign the rest of the run out. */
    private static final String SIGN_OUT = "signOut";

    enum Kind {
        SERVER_ERROR("5xx"),
        UNANSWERED("unanswered within 5 s"),
        INTERNALS("class name or stack trace in the body"),
        NOT_THE_ERROR_SHAPE("error under /api without the JSON error shape"),
        OVERSIZED_NOT_REFUSED("oversized body read instead of refused with 413");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    record Failure(Kind kind, Request request, String target, Outcome outcome, String detail) {}

    private final LatchkeyServer server;
    private final Api api;
    private final Map<String, List<String>> created = new ConcurrentHashMap<>();
    private Credential.Bearer owner;
    private Api.IssuedKey key;

    OpenApiFuzzIT(LatchkeyServer server) {
        this.server = server;
        this.api = new Api(server);
    }

    @BeforeEach
    void signInAndIssueAKeyWithEveryScope() {
        owner = api.owner();
        List<String> scopes = new ArrayList<>();
        api.get("/api/v1/scopes", owner)
                .data()
                .forEach(scope -> scopes.add(scope.path("id").asText()));
        key = api.issue(owner, scopes);
    }

    @AfterEach
    void openTheJobGate() {
        // Yasson reads any string as a Boolean (false unless "true"), so a "never valid" body could still close it.
        Api.Reply opened = api.put("/api/v1/testing/job-gate", owner, Map.of("open", true));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    }

    @Test
    void noOperationAnswersHostileInputWithAServerErrorAHangOrItsInternals() throws Exception {
        long seed = Long.getLong("latchkey.fuzz.seed", DEFAULT_SEED);
        int count = Integer.getInteger("latchkey.fuzz.requests", DEFAULT_REQUESTS);
        Set<Mutation> allowed = EnumSet.allOf(Mutation.class);
        allowed.removeAll(Mutation.parse(System.getProperty("latchkey.fuzz.skip", "")));
        JsonNode document = Json.parse(server.get("/openapi").body());
        List<Operation> operations = FuzzRequests.operations(document).stream()
                .filter(operation -> operation.path().startsWith("/api/"))
                .toList();
        assertThat(operations).as("operations in the served document").hasSizeGreaterThan(40);
        List<Request> requests = new ArrayList<>(
                FuzzRequests.generate(document, operations, seed, count, allowed, OpenApiFuzzIT::safeWithACredential));
        // Sent last, so that the ids the random requests created are there to be used.
        requests.addAll(FuzzRequests.systematic(
                        document,
                        operations,
                        seed,
                        requests.size(),
                        operation -> !safeWithACredential(operation).equals(EnumSet.allOf(Mutation.class)))
                .stream()
                .filter(request -> allowed.contains(request.mutation()))
                .toList());
        System.out.printf(
                "OpenApiFuzzIT: seed %d (-Dlatchkey.fuzz.seed=%d to repeat), %d requests over %d "
                        + "operations, mutations %s%n",
                seed, seed, requests.size(), operations.size(), allowed);

        RawHttp http = new RawHttp(server.baseUri(), ANSWER_WITHIN);
        List<Failure> failures = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicInteger notSent = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY)) {
            List<Future<?>> running = new ArrayList<>();
            for (Request request : requests) {
                running.add(pool.submit(() -> {
                    if (unanswered.get() >= GIVE_UP_AFTER_UNANSWERED) {
                        notSent.incrementAndGet();
                        return;
                    }
                    String target = fill(request.target());
                    Outcome outcome = http.exchange(request.method(), target, withCredential(request), request.body());
                    if (outcome instanceof NoAnswer) {
                        unanswered.incrementAndGet();
                    }
                    harvest(request, outcome);
                    count(counts, request, document, outcome);
                    failures.addAll(check(request, target, outcome));
                }));
            }
            for (Future<?> each : running) {
                // Every exchange is bounded by its socket timeouts; this only guards against a bug in the fuzzer.
                each.get(ANSWER_WITHIN.toSeconds() * 4, TimeUnit.SECONDS);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        printCounts(counts, requests.size() - notSent.get(), took);

        assertThat(report(failures))
                .as(
                        "the fuzzer's findings (seed %d)%s",
                        seed,
                        notSent.get() == 0
                                ? ""
                                : "; gave up after " + unanswered.get() + " unanswered requests, " + notSent.get()
                                        + " not sent")
                .isEmpty();
        assertThat(api.get("/api/v1/whoami", owner).status())
                .as("the run's bearer token still works")
                .isEqualTo(200);
        assertThat(api.get("/api/v1/whoami", key.credential()).status())
                .as("the run's API key still works")
                .isEqualTo(200);
    }

    private static Set<Mutation> safeWithACredential(Operation operation) {
        if (operation.id().equals(SIGN_OUT)) {
            return Set.of();
        }
        return SHARED_STATE.contains(operation.id()) ? NEVER_VALID : EnumSet.allOf(Mutation.class);
    }

    private List<RawHttp.Header> withCredential(Request request) {
        List<RawHttp.Header> headers = new ArrayList<>(request.headers());
        switch (request.caller()) {
            case OWNER -> headers.add(new RawHttp.Header("Authorization", "Bearer " + owner.token()));
            case KEY -> headers.add(new RawHttp.Header("X-API-Key", key.plaintext()));
            case ANONYMOUS -> {}
        }
        return headers;
    }

    /** Replaces each {@code {created:/collection}} with an id this run created there, or a random one. */
    private String fill(String target) {
        StringBuilder filled = new StringBuilder();
        int at = 0;
        int placeholder;
        while ((placeholder = target.indexOf(FuzzRequests.CREATED, at)) >= 0) {
            int end = target.indexOf('}', placeholder);
            String collection = target.substring(placeholder + FuzzRequests.CREATED.length(), end);
            List<String> ids = created.getOrDefault(collection, List.of());
            filled.append(target, at, placeholder)
                    .append(
                            ids.isEmpty()
                                    ? UUID.randomUUID().toString()
                                    : ids.get(Math.floorMod(target.hashCode() + at, ids.size())));
            at = end + 1;
        }
        return filled.append(target.substring(at)).toString();
    }

    /** Remembers the id of whatever a POST created, so later requests can read, change and delete it. */
    private void harvest(Request request, Outcome outcome) {
        if (outcome instanceof Answer answer
                && answer.status() == 201
                && request.method().equals("POST")) {
            json(answer.text())
                    .map(body -> body.path("data").path("id").asText())
                    .filter(id -> !id.isEmpty())
                    .ifPresent(id -> created.computeIfAbsent(
                                    request.operation().path(), path -> new CopyOnWriteArrayList<>())
                            .add(id));
        }
    }

    private List<Failure> check(Request request, String target, Outcome outcome) {
        List<Failure> failures = new ArrayList<>();
        switch (outcome) {
            case NoAnswer none -> failures.add(new Failure(Kind.UNANSWERED, request, target, outcome, none.reason()));
            case Answer answer -> {
                String body = answer.text();
                if (answer.status() >= 500
                        && !request.operation().documentedStatuses().contains(answer.status())) {
                    failures.add(new Failure(Kind.SERVER_ERROR, request, target, outcome, "status " + answer.status()));
                }
                Matcher internals = INTERNALS.matcher(body);
                if (internals.find()) {
                    failures.add(new Failure(Kind.INTERNALS, request, target, outcome, "names " + internals.group()));
                }
                if (answer.status() >= 400
                        && underApi(target)
                        && request.containerAnswer().isEmpty()
                        && !request.method().equals("HEAD")) {
                    errorShapeProblem(answer)
                            .ifPresent(problem -> failures.add(
                                    new Failure(Kind.NOT_THE_ERROR_SHAPE, request, target, outcome, problem)));
                }
                if (request.mutation() == Mutation.OVERSIZED_BODY
                        && request.caller() == FuzzRequests.Caller.OWNER
                        && request.operation().body().isPresent()
                        && answer.status() != 413
                        && !ANSWERED_BEFORE_THE_BODY.contains(answer.status())) {
                    failures.add(new Failure(
                            Kind.OVERSIZED_NOT_REFUSED,
                            request,
                            target,
                            outcome,
                            "a " + request.body().length + "-byte body got " + answer.status()));
                }
            }
        }
        return failures;
    }

    /** Why an error answer is not {@code {"errors":[{"status":...,"code":...}]}} as {@code rest.Problems} builds it. */
    private static Optional<String> errorShapeProblem(Answer answer) {
        String type = answer.header("content-type").orElse("(none)");
        if (!type.startsWith("application/json")) {
            return Optional.of("Content-Type " + type + ", " + answer.body().length + " bytes");
        }
        Optional<JsonNode> body = json(answer.text());
        if (body.isEmpty()) {
            return Optional.of("the body is not JSON");
        }
        JsonNode error = body.get().path("errors").path(0);
        if (error.path("status").asInt() != answer.status()
                || error.path("code").asText().isEmpty()) {
            return Optional.of("no errors[0] with this status and a code");
        }
        return Optional.empty();
    }

    private static boolean underApi(String target) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        try {
            return URI.create("http://fuzz" + path).normalize().getPath().startsWith("/api/");
        } catch (IllegalArgumentException e) {
            return false; // not even a URI: only the container can have answered it
        }
    }

    private static Optional<JsonNode> json(String text) {
        try {
            return Optional.ofNullable(MAPPER.readTree(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void count(Map<String, AtomicInteger> counts, Request request, JsonNode document, Outcome outcome) {
        String status = outcome instanceof Answer answer ? Integer.toString(answer.status()) : "none";
        String tag = document.path("paths")
                .path(request.operation().path())
                .path(request.operation().method())
                .path("tags")
                .path(0)
                .asText("untagged");
        counts.computeIfAbsent("mutation " + request.mutation().wireName(), k -> new AtomicInteger())
                .incrementAndGet();
        counts.computeIfAbsent("tag " + tag, k -> new AtomicInteger()).incrementAndGet();
        counts.computeIfAbsent("caller " + request.caller().name().toLowerCase(Locale.ROOT), k -> new AtomicInteger())
                .incrementAndGet();
        counts.computeIfAbsent("status " + status, k -> new AtomicInteger()).incrementAndGet();
        counts.computeIfAbsent("milliseconds-spent-on " + request.mutation().wireName(), k -> new AtomicInteger())
                .addAndGet((int) outcome.elapsed().toMillis());
        request.containerAnswer()
                .ifPresent(answer -> counts.computeIfAbsent(
                                "container-answer " + answer.name().toLowerCase(Locale.ROOT), k -> new AtomicInteger())
                        .incrementAndGet());
    }

    private static void printCounts(Map<String, AtomicInteger> counts, int total, Duration took) {
        Map<String, Map<String, Integer>> groups = new TreeMap<>();
        counts.forEach(
                (name, value) -> groups.computeIfAbsent(name.substring(0, name.indexOf(' ')), g -> new TreeMap<>())
                        .put(name.substring(name.indexOf(' ') + 1), value.get()));
        StringBuilder out =
                new StringBuilder(String.format("OpenApiFuzzIT: %d requests in %d ms%n", total, took.toMillis()));
        groups.forEach((group, values) ->
                out.append("  per ").append(group).append(": ").append(values).append('\n'));
        System.out.print(out);
    }

    /** One line per (operation, kind of failure), with the first request that showed it and how often it did. */
    private static String report(List<Failure> failures) {
        Map<String, List<Failure>> grouped = failures.stream()
                .collect(Collectors.groupingBy(
                        failure -> failure.request().operation().id() + " " + failure.kind(),
                        TreeMap::new,
                        Collectors.toList()));
        StringBuilder report = new StringBuilder();
        grouped.forEach((key, group) -> {
            Failure first = group.stream()
                    .min((a, b) ->
                            Integer.compare(a.request().index(), b.request().index()))
                    .orElseThrow();
            Request request = first.request();
            report.append(String.format(
                    "%n%s: %s, %d time(s); first: #%d %s %s [%s, %s: %s] body: %s -> %s",
                    request.operation().id(),
                    first.kind().description,
                    group.size(),
                    request.index(),
                    request.method(),
                    FuzzRequests.abbreviate(first.target(), 120),
                    request.caller().name().toLowerCase(Locale.ROOT),
                    request.mutation().wireName(),
                    request.trick(),
                    excerpt(request.body()),
                    describe(first)));
        });
        return report.toString();
    }

    private static String describe(Failure failure) {
        return switch (failure.outcome()) {
            case NoAnswer none -> none.reason() + " after " + none.elapsed().toMillis() + " ms";
            case Answer answer ->
                answer.status() + " " + answer.reason() + " in "
                        + answer.elapsed().toMillis() + " ms (" + failure.detail() + "): " + excerpt(answer.body());
        };
    }

    private static String excerpt(byte[] bytes) {
        if (bytes.length == 0) {
            return "(empty)";
        }
        String text = new String(bytes, 0, Math.min(bytes.length, EXCERPT), UTF_8).replaceAll("\\p{Cntrl}", "\u00b7");
        return bytes.length > EXCERPT ? text + "…(" + bytes.length + " bytes)" : text;
    }
}
