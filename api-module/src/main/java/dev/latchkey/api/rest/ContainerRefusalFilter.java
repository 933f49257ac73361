package dev.latchkey.api.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers, in the API's error shape, the requests that the servlet container would otherwise refuse with an empty or
 * HTML body before JAX-RS sees them: TRACE (on every path, since the container's own TRACE would echo the request's
 * headers back) and, under {@code /api}, a Content-Type header that is not one media type. Refusals the container
 * makes before any filter runs are listed in docs/security.md.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public final class ContainerRefusalFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getMethod().equals("TRACE")) {
            refuse(response, 405, "method_not_allowed", "this server does not accept TRACE");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") && !isOneMediaType(request.getHeader("Content-Type"))) {
            refuse(response, 400, "malformed_content_type",
                    "the Content-Type header must name one media type; send Content-Type: application/json");
            return;
        }
        chain.doFilter(request, response);
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

    private static void refuse(HttpServletResponse response, int status, String code, String detail) throws IOException {
        byte[] body = JSONB.toJson(Problems.document(status, code, detail)).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
