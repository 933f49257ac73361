package dev.latchkey.api.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Answers, in the API's error shape, the requests that the servlet container would otherwise refuse with an empty or
 * HTML body: TRACE (on every path, since the container's own TRACE would echo the request's headers back) and, under
 * {@code /api}, a Content-Type header that is not one media type or an Accept header that is not a list of media
 * ranges. Under {@code /api} it also words every refusal made through {@code sendError}: Jersey answers a header it
 * cannot parse with a bare 400 that no exception mapper sees, and the container answers a path holding an encoded
 * slash with a bare 404; the container would render both as its HTML error page. Refusals the container makes before
 * any filter runs are listed in docs/security.md.
 */
// Declared in WEB-INF/web.xml, which fixes the order of the two servlet filters.
public final class ContainerRefusalFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Jsonb JSONB = JsonbBuilder.create();
    /** RFC 9110 section 12.4.2: a weight is 0 to 1 with at most three decimals. */
    private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getMethod().equals("TRACE")) {
            refuse(response, 405, Problems.document(405, "method_not_allowed", "this server does not accept TRACE"));
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            chain.doFilter(request, response);
            return;
        }
        if (!isOneMediaType(request.getHeader("Content-Type"))) {
            refuse(
                    response,
                    400,
                    Problems.document(
                            400,
                            "malformed_content_type",
                            "the Content-Type header must name one media type; send Content-Type: application/json"));
            return;
        }
        if (!isMediaRangeList(request.getHeader("Accept"))) {
            refuse(
                    response,
                    400,
                    Problems.document(
                            400,
                            "malformed_accept",
                            "the Accept header must be a comma-separated list of media types, each with at most one weight "
                                    + "between q=0 and q=1 (no empty entries); send Accept: application/json"));
            return;
        }
        chain.doFilter(request, new ErrorShapeResponse(response));
    }

    private static boolean isOneMediaType(String header) {
        if (header == null) {
            return true;
        }
        try {
            MediaType.valueOf(header);
            return !header.contains(",");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether {@code header} is absent or a comma-separated list of media ranges with valid weights: what Jersey
     * parses without refusing the request before any resource or exception mapper runs.
     */
    static boolean isMediaRangeList(String header) {
        if (header == null) {
            return true;
        }
        for (String element : splitOutsideQuotes(header)) {
            if (element.isBlank()) {
                // RFC 9110 section 5.6.1 says to ignore empty list elements, but Jersey refuses them with a bare 400.
                return false;
            }
            try {
                String weight =
                        MediaType.valueOf(element.trim()).getParameters().get("q");
                if (weight != null && !QVALUE.matcher(weight).matches()) {
                    return false;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    /** Splits at commas that are not inside a quoted parameter value; an unclosed quote keeps the rest whole. */
    private static List<String> splitOutsideQuotes(String header) {
        List<String> elements = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                elements.add(header.substring(start, i));
                start = i + 1;
            }
        }
        elements.add(header.substring(start));
        return elements;
    }

    private static void refuse(HttpServletResponse response, int status, ErrorDocument document) throws IOException {
        byte[] body = JSONB.toJson(document).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Turns {@code sendError} into the error document of its status, where nothing has been sent yet. */
    private static final class ErrorShapeResponse extends HttpServletResponseWrapper {
        ErrorShapeResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (isCommitted()) {
                super.sendError(status, message);
                return;
            }
            // The message is the framework's (a reason phrase, or a path): it is not sent.
            resetBuffer();
            refuse((HttpServletResponse) getResponse(), status, WebApplicationExceptionMapper.document(status));
        }
    }
}
