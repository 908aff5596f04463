package dev.maestro.api.direct;

import dev.maestro.api.auth.VerifiedTokens;
import dev.maestro.api.error.UnexpectedExceptionMapper;
import dev.maestro.api.http.VersionPrefixFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/** What the direct routes read from a request and how they answer, as JAX-RS would. */
final class DirectRequests {
    /** The {@code Accept} values served directly; Jersey negotiates any other. */
    private static final Set<String> ACCEPTED = Set.of("*/*", "application/*", MediaType.APPLICATION_JSON);
    /** The version prefixes that {@link VersionPrefixFilter} takes off. */
    private static final List<String> VERSIONS = VersionPrefixFilter.SERVED.stream().map(v -> "/" + v + "/").toList();

    private DirectRequests() {
    }

    /** The request's bearer token, or null without one. */
    static String bearerToken(HttpServletRequest request) {
        return VerifiedTokens.bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    /** No {@code Accept}, or one that JSON plainly matches. */
    static boolean acceptsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || ACCEPTED.contains(accept);
    }

    /** The path within the application, without a version prefix, as the client encoded it. */
    static String route(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String version : VERSIONS) {
            if (path.startsWith(version)) {
                return path.substring(version.length() - 1);
            }
        }
        return path;
    }

    /** Writes a JSON answer; returns its status. */
    static int answer(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return status;
    }

    /** Writes the answer JAX-RS's exception mappers give this failure; returns its status. */
    static int answer(HttpServletResponse response, RuntimeException failure) throws IOException {
        Response mapped = UnexpectedExceptionMapper.answer(failure);
        return answer(response, mapped.getStatus(), (byte[]) mapped.getEntity());
    }
}
