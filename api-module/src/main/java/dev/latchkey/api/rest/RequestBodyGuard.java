package dev.latchkey.api.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.OptionalLong;

/**
 * Stands before every body reader of the API: a body over {@value RequestBody#MAX_BYTES} bytes gets 413, and a JSON
 * body that is not complete, well-formed JSON gets 400 before Yasson binds it (see {@link RequestBody} for the
 * Parsson loop this prevents). The body is never echoed.
 */
@Provider
public class RequestBodyGuard implements ReaderInterceptor {
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body;
        try {
            body = RequestBody.read(
                    context.getInputStream(),
                    declaredLength(context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH)));
        } catch (IOException e) {
            // The container gives up on a body that trickles in (see pre-boot-commands.txt); the client is told why.
            throw new WebApplicationException(Problems.response(
                    408, "body_timeout", "the request body did not arrive in time; send the whole body at once"));
        } catch (RequestBody.TooLargeException e) {
            throw new WebApplicationException(Problems.response(
                    413,
                    "body_too_large",
                    "the request body is larger than " + RequestBody.MAX_BYTES / 1024 + " KiB; send a smaller one"));
        }
        if (isJson(context.getMediaType())) {
            try {
                RequestBody.requireWellFormedJson(body);
            } catch (RequestBody.MalformedException e) {
                throw new WebApplicationException(Problems.response(400, "malformed_json", e.getMessage()));
            }
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type != null
                && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                        || type.getSubtype().endsWith("+json"));
    }

    private static OptionalLong declaredLength(String header) {
        if (header == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // the container has already refused a Content-Length it cannot read
        }
    }
}
