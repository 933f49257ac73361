package dev.latchkey.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.tags.Tag;
import org.junit.jupiter.api.Test;

/** The served document with and without {@code latchkey.testing.clock-control}, through the whole filter. */
class TestingEndpointsTest {
    private static final String CLOCK = "/api/v1/testing/clock";
    private static final String JOB_GATE = "/api/v1/testing/job-gate";
    private static final String PING = "/api/v1/ping";
    private static final List<String> TESTING_SCHEMAS = List.of(
            "AdvanceClockRequest",
            "ClockDocument",
            "Clock",
            "ClockAttributes",
            "JobGateRequest",
            "JobGateDocument",
            "JobGate",
            "JobGateAttributes");

    @Test
    void withoutClockControlTheTestingPathsTagAndSchemasAreLeftOut() {
        OpenAPI document = scanned();

        new LatchkeyOpenApiFilter(false).filterOpenAPI(document);

        assertThat(document.getPaths().getPathItems()).containsOnlyKeys(PING);
        assertThat(document.getTags()).extracting(Tag::getName).containsExactly("Status");
        assertThat(document.getComponents().getSchemas())
                .doesNotContainKeys(TESTING_SCHEMAS.toArray(String[]::new))
                .containsKeys("Ping", "PingData", "ErrorDocument");
    }

    @Test
    void withClockControlTheTestingEndpointsAreDocumented() {
        OpenAPI document = scanned();

        new LatchkeyOpenApiFilter(true).filterOpenAPI(document);

        assertThat(document.getPaths().getPathItems()).containsOnlyKeys(PING, CLOCK, JOB_GATE);
        assertThat(document.getTags()).extracting(Tag::getName).containsExactly("Status", "Testing");
        assertThat(document.getComponents().getSchemas()).containsKeys(TESTING_SCHEMAS.toArray(String[]::new));
    }

    /** The parts of what Payara's scanner hands the filter that matter here. */
    private static OpenAPI scanned() {
        OpenAPI document = OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem(PING, OASFactory.createPathItem().GET(operation("ping", "Status")))
                        .addPathItem(CLOCK, OASFactory.createPathItem().POST(operation("advanceTestClock", "Testing")))
                        .addPathItem(
                                JOB_GATE, OASFactory.createPathItem().PUT(operation("switchTestJobGate", "Testing"))))
                .addTag(OASFactory.createTag().name("Status").description("Whether the API answers."))
                .addTag(OASFactory.createTag().name("Testing").description("Hooks for black-box tests."))
                .components(OASFactory.createComponents());
        for (String schema : List.of("Ping", "PingData", "ErrorDocument")) {
            document.getComponents().addSchema(schema, OASFactory.createSchema());
        }
        TESTING_SCHEMAS.forEach(schema -> document.getComponents().addSchema(schema, OASFactory.createSchema()));
        return document;
    }

    private static Operation operation(String operationId, String tag) {
        return OASFactory.createOperation()
                .operationId(operationId)
                .addTag(tag)
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse(
                                "default", OASFactory.createAPIResponse().description("OK")));
    }
}
