package dev.latchkey.api.rest;

import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.shared.Violations;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code page[number]} and {@code page[size]} in, {@code links} and {@code meta.page} out. */
public final class Paging {
    public static final String NUMBER = "page[number]";
    public static final String SIZE = "page[size]";

    private Paging() {}

    /** Reads the two query parameters; text that is not a whole number is a violation naming the parameter. */
    public static PageRequest request(String number, String size) {
        Violations violations = new Violations();
        int parsedNumber = violations.collect(() -> parse(number, NUMBER, 1)).orElse(1);
        int parsedSize = violations
                .collect(() -> parse(size, SIZE, PageRequest.DEFAULT_SIZE))
                .orElse(PageRequest.DEFAULT_SIZE);
        // Range checks run too, so a bad number and a bad size are reported together.
        PageRequest request = violations
                .collect(() -> new PageRequest(parsedNumber, parsedSize))
                .orElse(null);
        violations.throwIfAny();
        return request;
    }

    private static int parse(String text, String parameter, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(
                    new Violation(parameter, "invalid_page", parameter + " must be a whole number"));
        }
    }

    /**
     * Links to this page and its neighbours. They carry the two paging parameters and, of the request's other query
     * parameters, only those named in {@code parameters} (the operation's own): anything else a client appended is
     * not echoed back.
     */
    public static Links links(UriInfo uri, Page<?> page, String... parameters) {
        PageRequest request = page.request();
        String path = uri.getAbsolutePath().getRawPath();
        StringBuilder known = new StringBuilder();
        MultivaluedMap<String, String> sent = uri.getQueryParameters();
        for (String parameter : parameters) {
            for (String value : sent.getOrDefault(parameter, List.of())) {
                known.append(encode(parameter))
                        .append('=')
                        .append(encode(value))
                        .append('&');
            }
        }
        return new Links(
                pageUri(path, known, request.number(), request.size()),
                page.hasNext() ? pageUri(path, known, request.number() + 1, request.size()) : null,
                page.hasPrevious() ? pageUri(path, known, request.number() - 1, request.size()) : null);
    }

    public static Meta meta(Page<?> page) {
        return new Meta(
                new PageInfo(page.request().number(), page.request().size(), page.total(), PageRequest.MAX_SIZE));
    }

    private static String pageUri(String path, CharSequence known, int number, int size) {
        return path + "?" + known + encode(NUMBER) + "=" + number + "&" + encode(SIZE) + "=" + size;
    }

    /** Encoded by hand: a UriBuilder would read a client's braces as template variables. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Links between the pages of a list. */
    @Schema(
            name = "PageLinks",
            description = "Links to this page and its neighbours; next and previous are absent at the ends.")
    public record Links(
            @Schema(
                    required = true,
                    examples = "/api/v1/api-keys?page%5Bnumber%5D=1&page%5Bsize%5D=25",
                    description = "This page.")
            String self,

            @Schema(
                    description = "The next page, if there is one.",
                    examples = "/api/v1/api-keys?page%5Bnumber%5D=2&page%5Bsize%5D=25")
            String next,

            @Schema(
                    description = "The previous page, if there is one.",
                    examples = "/api/v1/api-keys?page%5Bnumber%5D=1&page%5Bsize%5D=25")
            String previous) {}

    /** The list's meta member. */
    @Schema(name = "PageMeta", description = "Facts about the whole list.")
    public record Meta(@Schema(required = true) PageInfo page) {}

    /** Where this page sits in the list. */
    @Schema(name = "PageInfo", description = "Paging facts.")
    public record PageInfo(
            @Schema(required = true, description = "This page's number, from 1.", examples = "1")
            int number,

            @Schema(required = true, description = "Entries per page.", examples = "25")
            int size,

            @Schema(required = true, description = "Entries in the whole list.", examples = "42")
            long total,

            @Schema(required = true, description = "The largest page[size] accepted.", examples = "100")
            int maxSize) {}
}
