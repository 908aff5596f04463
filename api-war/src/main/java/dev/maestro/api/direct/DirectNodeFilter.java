package dev.maestro.api.direct;

import dev.maestro.api.node.NodeResource;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;

/**
 * Serves {@code GET /node/{id}} and {@code POST /node} (also under {@code /latest} and
 * {@code /v0}) ahead of JAX-RS when the request is of their plain form, and passes everything
 * else on. Why, with the measurements: the README's Performance section, "The direct routes".
 */
// The prefixes are VersionPrefixFilter.SERVED's, spelled out because an annotation takes only constants.
@WebFilter(urlPatterns = {"/node/*", "/latest/node/*", "/v0/node/*"}, asyncSupported = true)
public class DirectNodeFilter extends HttpFilter {
    @Inject
    DirectNodeRead read;

    @Inject
    DirectNodeCreate create;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean served = switch (request.getMethod()) {
            case "GET" -> read.serve(request, response);
            case "POST" -> create.serve(request, response);
            default -> false;
        };
        if (!served) {
            chain.doFilter(request, response);
        }
    }

    /** The resource method whose route a direct route serves: its metrics are counted under that method's template. */
    static Method resourceMethod(String name, Class<?>... parameters) {
        try {
            return NodeResource.class.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("NodeResource no longer declares " + name, e);
        }
    }
}
