package dev.latchkey.api.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keeps openapi/openapi.yaml equal to what the server serves, so no change to the API goes unreviewed, and holds
 * the served document to the standard clients rely on. To accept a change, rewrite the file from a fresh server
 * with {@code openapi/update-document.sh}. Both sides are compared in {@link #canonical} form. The committed copy is
 * what users see, without {@code latchkey.testing.clock-control}; the suite's server runs with it, so its document is
 * compared without the test-only endpoints ({@link DocumentWithoutTestingEndpoints}).
 */
@ExtendWith(LatchkeyServerExtension.class)
class OpenApiDocumentIT {
    /** Payara's own list of endpoints, which it adds after every filter has run; it is not OpenAPI. */
    private static final Pattern PAYARA_ENDPOINTS = Pattern.compile("(?m)^x-endpoints:\\n(?:[ -].*\\n?)*");

    private static final Pattern OPERATION_ID = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Pattern PATH_ITEM = Pattern.compile(" {2}\"?/.*:");
    private static final Pattern OPERATION = Pattern.compile(" {4}(get|put|post|delete|options|head|patch|trace):");
    /** OpenAPI's own order of a path item's operations. */
    private static final List<String> HTTP_METHODS =
            List.of("get:", "put:", "post:", "delete:", "options:", "head:", "patch:", "trace:");

    @Test
    void servedDocumentWithoutTheTestingEndpointsEqualsTheCommittedOne(LatchkeyServer server) throws IOException {
        String served = DocumentWithoutTestingEndpoints.removed(canonical(yaml(server)));

        String diff = LineDiff.unified(
                "openapi/openapi.yaml (committed)",
                canonical(committed()),
                "/openapi (served, without the testing endpoints)",
                served);
        assertThat(diff)
                .as(
                        "The served document differs from openapi/openapi.yaml. If the change is intended, run "
                                + "openapi/update-document.sh and commit the file.%n%s",
                        diff)
                .isEmpty();
    }

    @Test
    void onlyAServerWithClockControlDocumentsTheTestingEndpoints(LatchkeyServer server) throws IOException {
        List<String> testing = List.of("/api/v1/testing/clock", "/api/v1/testing/job-gate");

        assertThat(DocumentWithoutTestingEndpoints.testingPaths(yaml(server)))
                .containsExactlyInAnyOrderElementsOf(testing);
        assertThat(json(server).path("tags").findValuesAsText("name")).contains("Testing");
        assertThat(json(server).path("components").path("schemas").has("ClockDocument"))
                .isTrue();
        assertThat(DocumentWithoutTestingEndpoints.testingPaths(committed())).isEmpty();
        assertThat(committed()).doesNotContain("name: Testing", "#/components/schemas/ClockDocument");
    }

    private static String committed() throws IOException {
        return Files.readString(
                Path.of(System.getProperty("latchkey.openapi.document", "../openapi/openapi.yaml")), UTF_8);
    }

    @Test
    void everyOperationIsNamedDescribedTaggedAndSecured(LatchkeyServer server) {
        List<String> problems = new ArrayList<>();
        json(server)
                .path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    JsonNode operation = method.getValue();
                    String where = method.getKey().toUpperCase() + " " + path.getKey();
                    if (!OPERATION_ID
                            .matcher(operation.path("operationId").asText())
                            .matches()) {
                        problems.add(where + ": operationId is not camelCase");
                    }
                    require(problems, where, operation, "summary", "description", "security");
                    if (operation.path("tags").size() != 1) {
                        problems.add(where + ": needs exactly one tag");
                    }
                    operation
                            .path("parameters")
                            .forEach(parameter -> require(
                                    problems,
                                    where + " parameter "
                                            + parameter.path("name").asText(),
                                    parameter,
                                    "description",
                                    "example"));
                    if (!operation.path("responses").properties().stream()
                            .map(Map.Entry::getKey)
                            .anyMatch(status -> status.startsWith("2"))) {
                        problems.add(where + ": documents no success response");
                    }
                    operation.path("responses").properties().forEach(response -> {
                        JsonNode body = response.getValue()
                                .path("content")
                                .path("application/json")
                                .path("schema");
                        // Payara's fallback for a method that returns a Response: clients would get an untyped object.
                        if (!body.isMissingNode() && !body.has("$ref") && !body.has("properties")) {
                            problems.add(
                                    where + " " + response.getKey() + ": untyped body; declare it with @APIResponse");
                        }
                    });
                }));
        assertThat(problems).isEmpty();
    }

    @Test
    void everySchemaPropertyHasADescriptionAndAnExample(LatchkeyServer server) {
        List<String> problems = new ArrayList<>();
        json(server)
                .path("components")
                .path("schemas")
                .properties()
                .forEach(schema -> schema.getValue()
                        .path("properties")
                        .properties()
                        .forEach(property -> {
                            String where = schema.getKey() + "." + property.getKey();
                            JsonNode value = property.getValue();
                            boolean reference =
                                    value.has("$ref") || value.path("items").has("$ref");
                            // A reference's examples live in the schema it names; its own description says what it is
                            // here.
                            require(
                                    problems,
                                    where,
                                    value,
                                    reference
                                            ? new String[] {"description"}
                                            : new String[] {"description", "examples"});
                        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void operationsThatAcceptKeysNameTheScopeTheServerEnforces(LatchkeyServer server) {
        JsonNode listUsers = json(server).path("paths").path("/api/v1/users").path("get");
        JsonNode startWizard =
                json(server).path("paths").path("/api/v1/api-key-wizards").path("post");

        assertThat(listUsers.path("x-required-scopes").toString()).isEqualTo("[\"read:users\"]");
        assertThat(listUsers.path("security").toString()).isEqualTo("[{\"bearer\":[]},{\"apiKey\":[]}]");
        assertThat(listUsers.path("description").asText()).contains("an API key with the scope `read:users`");
        assertThat(startWizard.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");
        assertThat(startWizard.has("x-required-scopes")).isFalse();
    }

    private static void require(List<String> problems, String where, JsonNode node, String... members) {
        for (String member : members) {
            JsonNode value = node.path(member);
            boolean blank = value.isTextual() ? value.asText().isBlank() : value.isContainerNode() && value.isEmpty();
            if (value.isMissingNode() || value.isNull() || blank) {
                problems.add(where + ": no " + member);
            }
        }
    }

    /**
     * The document without what says nothing about the API: Payara's endpoint list, and the order of the operations
     * within a path, which Payara takes from a hash map and so changes from one start to the next.
     */
    static String canonical(String yaml) {
        List<String> lines =
                PAYARA_ENDPOINTS.matcher(yaml).replaceAll("").lines().toList();
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            out.add(lines.get(i));
            if (!PATH_ITEM.matcher(lines.get(i++)).matches()) {
                continue;
            }
            // Payara writes block YAML with two-space indents: a path item's own keys sit at exactly four spaces.
            Map<String, List<String>> operations = new TreeMap<>(Comparator.comparingInt(HTTP_METHODS::indexOf));
            while (i < lines.size() && OPERATION.matcher(lines.get(i)).matches()) {
                List<String> block = new ArrayList<>(List.of(lines.get(i++)));
                // Blank lines occur only inside multi-line descriptions, which belong to the operation.
                while (i < lines.size()
                        && (lines.get(i).startsWith("     ") || lines.get(i).isEmpty())) {
                    block.add(lines.get(i++));
                }
                operations.put(block.get(0).strip(), block);
            }
            operations.values().forEach(out::addAll);
        }
        return String.join("\n", out) + "\n";
    }

    private static String yaml(LatchkeyServer server) {
        HttpResponse<String> response =
                server.send(server.request("/openapi").GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode json(LatchkeyServer server) {
        HttpResponse<String> response = server.get("/openapi");
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.parse(response.body());
    }
}
