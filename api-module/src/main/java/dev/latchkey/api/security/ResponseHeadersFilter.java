package dev.latchkey.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Puts the browser-facing security headers on every response, the API's and the web app's alike: a Content Security
 * Policy that forbids framing, no content-type sniffing, and no Referer sent anywhere.
 */
// Declared in WEB-INF/web.xml, which fixes the order of the two servlet filters.
public final class ResponseHeadersFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    /** The web app's policy (its index.html repeats it, less frame-ancestors, which a meta tag cannot carry). */
    static final String APP_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /** Swagger UI sets style attributes from its scripts, so its pages may use inline styles and nothing else more. */
    static final String SWAGGER_UI_POLICY = APP_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean swaggerUi = path.startsWith("/swagger-ui/") || path.startsWith("/webjars/");
        response.setHeader("Content-Security-Policy", swaggerUi ? SWAGGER_UI_POLICY : APP_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
    }
}
