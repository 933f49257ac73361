package dev.latchkey.api.rest;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * A request with no body, or with the JSON {@code null}, reads as a request record whose members are all absent.
 * The service then names every required member that is missing, exactly as for {@code {}}, and no resource needs a
 * {@code body == null} fallback of its own.
 */
@Provider
public class AbsentBodyInterceptor implements ReaderInterceptor {
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        return body == null && context.getType().isRecord() ? absent(context.getType()) : body;
    }

    private static Object absent(Class<?> record) {
        Class<?>[] types = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        // A primitive member cannot be absent; it takes its zero, as JSON-B gives it for a missing member.
        Object[] values = Arrays.stream(types)
                .map(type -> type.isPrimitive() ? Array.get(Array.newInstance(type, 1), 0) : null)
                .toArray();
        try {
            return record.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "cannot build an empty " + record.getSimpleName(),
                    e instanceof InvocationTargetException invocation ? invocation.getCause() : e);
        }
    }
}
