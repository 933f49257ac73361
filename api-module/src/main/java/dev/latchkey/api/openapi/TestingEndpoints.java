package dev.latchkey.api.openapi;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Takes the test-only endpoints out of the document of a server that runs without
 * {@code latchkey.testing.clock-control}, where they answer 404: their operations, the tags only they carry and the
 * schemas their package declares. No other package may use a type of the testing package (ArchitectureTest), so no
 * remaining operation can refer to one of those schemas.
 */
final class TestingEndpoints {
    /** Named, not imported: the testing package must stay out of the production path. */
    static final String PACKAGE = "dev.latchkey.api.testing";

    private TestingEndpoints() {}

    static void remove(OpenAPI openAPI, ApiClasses classes) {
        Set<String> removedTags = new HashSet<>();
        Set<String> keptTags = new HashSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (Map.Entry<String, PathItem> path :
                    Map.copyOf(openAPI.getPaths().getPathItems()).entrySet()) {
                PathItem item = path.getValue();
                Map.copyOf(item.getOperations()).forEach((method, operation) -> {
                    if (isTesting(operation, classes)) {
                        item.setOperation(method, null);
                        removedTags.addAll(tags(operation));
                    } else {
                        keptTags.addAll(tags(operation));
                    }
                });
                if (item.getOperations().isEmpty()) {
                    openAPI.getPaths().removePathItem(path.getKey());
                }
            }
        }
        removedTags.removeAll(keptTags);
        if (openAPI.getTags() != null) {
            openAPI.setTags(openAPI.getTags().stream()
                    .filter(tag -> !removedTags.contains(tag.getName()))
                    .toList());
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            Set.copyOf(openAPI.getComponents().getSchemas().keySet()).stream()
                    .filter(name -> classes.schemaType(name)
                            .map(TestingEndpoints::isTesting)
                            .orElse(false))
                    .forEach(openAPI.getComponents()::removeSchema);
        }
    }

    private static boolean isTesting(Operation operation, ApiClasses classes) {
        return classes.method(operation.getOperationId())
                .map(Method::getDeclaringClass)
                .map(TestingEndpoints::isTesting)
                .orElse(false);
    }

    private static boolean isTesting(Class<?> type) {
        return type.getPackageName().equals(PACKAGE);
    }

    private static List<String> tags(Operation operation) {
        return operation.getTags() == null ? List.of() : operation.getTags();
    }
}
