package dev.maestro.api.direct;

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
 * Serves {@code GET /node/{id}}, {@code GET /nodes}, {@code POST /node} and
 * {@code GET /listen/{sub_id}} (also under {@code /latest} and {@code /v0}) ahead of JAX-RS when
 * the request is of their plain form, and passes everything else on. Why, with the measurements:
 * the README's Performance section, "The direct routes".
 */
// The prefixes are VersionPrefixFilter.SERVED's, spelled out because an annotation takes only constants.
@WebFilter(urlPatterns = {"/node/*", "/latest/node/*", "/v0/node/*", "/nodes", "/latest/nodes", "/v0/nodes",
        "/listen/*", "/latest/listen/*", "/v0/listen/*"}, asyncSupported = true)
public class DirectRouteFilter extends HttpFilter {
    @Inject
    DirectNodeReads reads;

    @Inject
    DirectNodeCreate create;

    @Inject
    DirectListen listen;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String route = DirectRequests.route(request);
        boolean served = switch (request.getMethod()) {
            case "GET" -> route.startsWith(DirectListen.PREFIX) ? listen.serve(route, request, response)
                    : reads.serve(route, request, response);
            case "POST" -> create.serve(route, request, response);
            default -> false;
        };
        if (!served) {
            chain.doFilter(request, response);
        }
    }

    /** The resource method whose route a direct route serves: its metrics are counted under that method's template. */
    static Method resourceMethod(Class<?> resource, String name, Class<?>... parameters) {
        try {
            return resource.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(resource.getSimpleName() + " no longer declares " + name, e);
        }
    }
}
