package dev.latchkey.api.rest;

import dev.latchkey.domain.shared.Violation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds every error response, so that status titles and shape are worded once. */
public final class Problems {
    private Problems() {}

    public static Response response(int status, String code, String detail) {
        return response(status, code, detail, null);
    }

    public static Response response(int status, String code, String detail, Map<String, String> meta) {
        return send(
                status,
                new ErrorDocument(List.of(new ErrorDocument.Error(
                        status, code, title(status), detail, null, meta == null || meta.isEmpty() ? null : meta))));
    }

    /** The body of {@link #response(int, String, String)}, for code outside JAX-RS that must answer in the same shape. */
    public static ErrorDocument document(int status, String code, String detail) {
        return new ErrorDocument(List.of(new ErrorDocument.Error(status, code, title(status), detail, null, null)));
    }

    /** A 429 whose {@code Retry-After} says, in whole seconds (at least one), when to try again. */
    public static Response throttled(String code, String detail, Duration retryAfter) {
        return retryLater(429, code, detail, retryAfter);
    }

    /** A 503 for a server at capacity, with {@code Retry-After} as for {@link #throttled}. */
    public static Response busy(String code, String detail, Duration retryAfter) {
        return retryLater(503, code, detail, retryAfter);
    }

    private static Response retryLater(int status, String code, String detail, Duration retryAfter) {
        return Response.fromResponse(response(status, code, detail))
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, retryAfter.toSeconds()))
                .build();
    }

    /** A 400 that lists every violation, each pointing at its body member or query parameter. */
    public static Response invalid(List<Violation> violations) {
        return send(
                400,
                new ErrorDocument(violations.stream()
                        .map(v -> new ErrorDocument.Error(
                                400, v.code(), title(400), v.message(), sourceOf(v.field()), null))
                        .toList()));
    }

    private static ErrorDocument.Source sourceOf(String field) {
        return field.contains("[") || field.equals("sort")
                ? new ErrorDocument.Source(null, field)
                : new ErrorDocument.Source("/" + field, null);
    }

    private static Response send(int status, ErrorDocument document) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(document)
                .build();
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Not authenticated";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 408 -> "Request timeout";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 429 -> "Too many requests";
            case 503 -> "Unavailable";
            default -> status >= 500 ? "Internal error" : "Request failed";
        };
    }
}
