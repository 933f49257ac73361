package dev.latchkey.api.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses matrix parameters ({@code /users;jsessionid=1}) on API paths before routing. No operation takes one, and
 * the servlet container and JAX-RS disagree about them: one strips {@code ;jsessionid} before matching, the other
 * keeps {@code ;x=1} in the segment, so the same path could reach a different resource than its caller meant.
 */
@Provider
@PreMatching
public class MatrixParameterFilter implements ContainerRequestFilter {
    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        // The container removes ;jsessionid from the path before JAX-RS sees it, but remembers where it found it.
        boolean inRawPath = servletRequest != null
                && (servletRequest.isRequestedSessionIdFromURL()
                        || servletRequest.getRequestURI().indexOf(';') >= 0);
        boolean inSegments = request.getUriInfo().getPathSegments(false).stream()
                .map(PathSegment::getMatrixParameters)
                .anyMatch(parameters -> !parameters.isEmpty());
        if (inRawPath || inSegments) {
            request.abortWith(Problems.response(
                    400,
                    "matrix_parameters_not_allowed",
                    "the path holds a ';' parameter; remove everything from ';' to the next '/' and send the "
                            + "parameters in the query string"));
        }
    }
}
