package dev.latchkey.api.openapi;

import dev.latchkey.api.config.LatchkeyConfig;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Turns the document Payara builds from the annotations into the one we publish (and commit as
 * {@code openapi/openapi.yaml}): schemas repaired, security and errors derived from the authorization table, and
 * nothing that depends on the host or port the server happens to run on. Registered by {@code mp.openapi.filter}.
 * Payara appends its own {@code x-endpoints} list after every filter has run, so the committed copy drops it. Without
 * {@code latchkey.testing.clock-control} the test-only endpoints are left out, as they answer 404 then.
 */
public final class LatchkeyOpenApiFilter implements OASFilter {
    /** Relative, so Swagger UI and the document work on whatever host and port serve them. */
    static final String SERVER = "/";

    private static final String OK = "OK.";
    private static final Pattern PATH_REGEX = Pattern.compile("\\{(\\w+)\\s*:[^}]*}");

    private final boolean clockControl;

    /**
     * Payara builds the document once, at deployment, with this constructor; the flag is read from configuration here
     * because the filter is not a CDI bean.
     */
    public LatchkeyOpenApiFilter() {
        this(ConfigProvider.getConfig()
                .getOptionalValue(LatchkeyConfig.TESTING_CLOCK_CONTROL, Boolean.class)
                .orElse(false));
    }

    LatchkeyOpenApiFilter(boolean clockControl) {
        this.clockControl = clockControl;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ApiClasses classes = ApiClasses.scan("dev.latchkey.api", LatchkeyOpenApiFilter.class.getClassLoader());
        if (!clockControl) {
            TestingEndpoints.remove(openAPI, classes);
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() != null) {
            Map<String, Schema> schemas = new TreeMap<>(openAPI.getComponents().getSchemas());
            new SchemaCleanup(classes).repairComponents(schemas);
            openAPI.getComponents().setSchemas(schemas);
        }
        AccessDocumentation access = new AccessDocumentation(classes);
        access.declareComponents(openAPI.getComponents());
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> repairPathItem(item, access, classes));
            Map<String, PathItem> ordered = new TreeMap<>();
            openAPI.getPaths().getPathItems().forEach((path, item) -> ordered.put(withoutRegex(path), item));
            openAPI.getPaths().setPathItems(ordered);
        }
        openAPI.setTags(distinctTags(openAPI.getTags()));
        describeSuccessResponses(openAPI);
        // The document must not depend on the port a server happens to listen on, or no two runs would agree.
        openAPI.setServers(List.of(OASFactory.createServer()
                .url(SERVER)
                .description("The server that serves this document; ./latchkey run listens on port 8080.")));
    }

    /** JAX-RS templates may carry a regex ({@code {path: .+}}); an OpenAPI path names only the parameter. */
    static String withoutRegex(String path) {
        return PATH_REGEX.matcher(path).replaceAll("{$1}");
    }

    private static void repairPathItem(PathItem item, AccessDocumentation access, ApiClasses classes) {
        item.getOperations().values().forEach(operation -> {
            boolean hasPathParameters = false;
            for (Parameter parameter :
                    operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
                repairParameter(parameter);
                hasPathParameters |= parameter.getIn() == Parameter.In.PATH;
            }
            if (Boolean.FALSE.equals(operation.getDeprecated())) {
                operation.setDeprecated(null);
            }
            nameTheSuccessResponse(operation);
            classes.method(operation.getOperationId()).ifPresent(method -> completeSuccessResponse(operation, method));
            access.document(operation, hasPathParameters);
            sortResponses(operation);
        });
    }

    private static void repairParameter(Parameter parameter) {
        if (parameter.getIn() == Parameter.In.PATH) {
            // OpenAPI requires path parameters to say so; Payara writes false once @Parameter is present.
            parameter.setRequired(true);
        } else if (Boolean.FALSE.equals(parameter.getRequired())) {
            parameter.setRequired(null);
        }
        if (Boolean.FALSE.equals(parameter.getDeprecated())) {
            parameter.setDeprecated(null);
        }
        if (Boolean.FALSE.equals(parameter.getAllowEmptyValue())) {
            parameter.setAllowEmptyValue(null);
        }
        if (Boolean.FALSE.equals(parameter.getAllowReserved())) {
            parameter.setAllowReserved(null);
        }
        SchemaCleanup.removeNoise(parameter.getSchema());
        if (parameter.getExample() != null && parameter.getSchema() != null) {
            parameter.setExample(SchemaCleanup.typed(parameter.getExample(), parameter.getSchema()));
        }
    }

    /** Payara files a method's return type under "default"; JAX-RS answers 200 for it. */
    private static void nameTheSuccessResponse(Operation operation) {
        APIResponse fallback = operation.getResponses().getDefaultValue();
        if (fallback == null) {
            return;
        }
        operation.getResponses().removeAPIResponse(APIResponses.DEFAULT);
        if (!operation.getResponses().hasAPIResponse("200")) {
            fallback.setDescription(OK);
            operation.getResponses().addAPIResponse("200", fallback);
        }
    }

    /**
     * Payara drops the return type once a method declares any response itself (a 409, say): put it back as the 200,
     * or give a declared 200 its body.
     */
    private static void completeSuccessResponse(Operation operation, Method method) {
        Optional<String> body = ApiClasses.schemaName(method.getReturnType());
        if (body.isEmpty()) {
            return;
        }
        APIResponses responses = operation.getResponses();
        if (responses.getAPIResponses().keySet().stream().noneMatch(status -> status.startsWith("2"))) {
            responses.addAPIResponse("200", OASFactory.createAPIResponse().description(OK));
        }
        APIResponse ok = responses.getAPIResponse("200");
        if (ok != null
                && (ok.getContent() == null
                        || ok.getContent().getMediaTypes() == null
                        || ok.getContent().getMediaTypes().isEmpty())) {
            ok.setContent(OASFactory.createContent()
                    .addMediaType(
                            MediaType.APPLICATION_JSON,
                            OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref(body.get()))));
        }
    }

    /** A bare "OK." says nothing: a success response is described by the document it returns. */
    private static void describeSuccessResponses(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (openAPI.getPaths() == null || schemas == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations()
                        .values()
                        .forEach(operation -> operation.getResponses().getAPIResponses().values().stream()
                                .filter(response -> OK.equals(response.getDescription())
                                        && response.getContent() != null
                                        && response.getContent().getMediaType(MediaType.APPLICATION_JSON) != null)
                                .forEach(response -> {
                                    Schema body = response.getContent()
                                            .getMediaType(MediaType.APPLICATION_JSON)
                                            .getSchema();
                                    String ref = body == null || body.getRef() == null ? "" : body.getRef();
                                    Schema named = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
                                    if (named != null && named.getDescription() != null) {
                                        response.setDescription(named.getDescription());
                                    }
                                })));
    }

    private static void sortResponses(Operation operation) {
        operation
                .getResponses()
                .setAPIResponses(new LinkedHashMap<>(
                        new TreeMap<>(operation.getResponses().getAPIResponses())));
    }

    private static List<Tag> distinctTags(List<Tag> tags) {
        Map<String, Tag> byName = new TreeMap<>();
        for (Tag tag : tags == null ? List.<Tag>of() : tags) {
            byName.merge(tag.getName(), tag, (first, second) -> first.getDescription() == null ? second : first);
        }
        List<Tag> distinct = new ArrayList<>(byName.values());
        distinct.sort(Comparator.comparing(Tag::getName));
        return distinct;
    }
}
