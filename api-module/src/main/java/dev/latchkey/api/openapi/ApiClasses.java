package dev.latchkey.api.openapi;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The application's own classes, read from the deployed archive, so the OpenAPI filter can consult the same
 * annotations the server acts on: resource methods by operationId, JSON types by schema name.
 */
final class ApiClasses {
    private final Map<String, Method> methodsByOperationId;
    private final Map<String, Class<?>> typesBySchemaName;

    private ApiClasses(Map<String, Method> methodsByOperationId, Map<String, Class<?>> typesBySchemaName) {
        this.methodsByOperationId = Map.copyOf(methodsByOperationId);
        this.typesBySchemaName = Map.copyOf(typesBySchemaName);
    }

    /** Every class under {@code packageName} that {@code loader} can see, scanned once. */
    static ApiClasses scan(String packageName, ClassLoader loader) {
        Map<String, Method> methods = new HashMap<>();
        Map<String, Class<?>> types = new HashMap<>();
        for (Class<?> type : classesUnder(packageName, loader)) {
            Schema schema = type.getAnnotation(Schema.class);
            if (schema != null && !schema.name().isEmpty()) {
                types.put(schema.name(), type);
            }
            if (type.isAnnotationPresent(Path.class)) {
                for (Method method : type.getDeclaredMethods()) {
                    Operation operation = method.getAnnotation(Operation.class);
                    if (operation != null && !operation.operationId().isEmpty()) {
                        methods.put(operation.operationId(), method);
                    }
                }
            }
        }
        return new ApiClasses(methods, types);
    }

    Optional<Method> method(String operationId) {
        return Optional.ofNullable(methodsByOperationId.get(operationId));
    }

    Optional<Class<?>> schemaType(String schemaName) {
        return Optional.ofNullable(typesBySchemaName.get(schemaName));
    }

    /** The schema name a Java type is published under, if it has one. */
    static Optional<String> schemaName(Class<?> type) {
        Schema schema = type.getAnnotation(Schema.class);
        return schema == null || schema.name().isEmpty() ? Optional.empty() : Optional.of(schema.name());
    }

    private static List<Class<?>> classesUnder(String packageName, ClassLoader loader) {
        String folder = packageName.replace('.', '/');
        List<String> names = new ArrayList<>();
        try {
            for (URL root : Collections.list(loader.getResources(folder))) {
                names.addAll(classNames(root.toURI(), folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the classes under " + packageName, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list the classes under " + packageName, e);
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // A class that cannot load cannot be a resource either; the document simply omits it.
            }
        }
        return classes;
    }

    private static List<String> classNames(URI root, String folder) throws IOException {
        if ("jar".equals(root.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(root, Map.of())) {
                return classNames(jar.getPath("/" + folder), folder);
            }
        }
        return classNames(java.nio.file.Path.of(root), folder);
    }

    private static List<String> classNames(java.nio.file.Path dir, String folder) throws IOException {
        try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
            return files.map(file -> dir.relativize(file)
                            .toString()
                            .replace(dir.getFileSystem().getSeparator(), "/"))
                    .filter(relative -> relative.endsWith(".class") && !relative.endsWith("-info.class"))
                    .map(relative -> (folder + "/" + relative).replace('/', '.').replaceAll("\\.class$", ""))
                    .toList();
        }
    }
}
