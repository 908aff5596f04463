package dev.maestro.api.direct;

import dev.maestro.api.auth.VerifiedTokens;
import dev.maestro.api.metrics.ApiMetrics;
import dev.maestro.api.node.NodeResource;
import dev.maestro.json.Json;
import dev.maestro.node.NodeJson;
import dev.maestro.node.NodeService;
import dev.maestro.store.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;

/**
 * {@code GET /node/{id}} as {@link NodeResource#get} serves it, for a request without a query
 * string, accepting JSON, with no bearer token or a valid one (a refused token goes on to
 * JAX-RS, which answers and logs the 401).
 */
@ApplicationScoped
class DirectNodeRead {
    private static final Method ROUTE = DirectNodeFilter.resourceMethod(NodeResource.class, "get", String.class);
    private static final String NODE = "/node/";

    @Inject
    NodeService nodes;

    @Inject
    VerifiedTokens tokens;

    @Inject
    ApiMetrics metrics;

    /** Answers the request if it is one of the plain form; false, having read and written nothing, otherwise. */
    boolean serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String route = DirectRequests.route(request);
        if (!route.startsWith(NODE) || request.getQueryString() != null || !DirectRequests.acceptsJson(request)) {
            return false;
        }
        String id = route.substring(NODE.length());
        String token = VerifiedTokens.bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (!Ids.isValid(id) || token != null && tokens.subject(token).isEmpty()) {
            return false;
        }
        long started = System.nanoTime();
        int status;
        try {
            status = DirectRequests.answer(response, 200, Json.writeBytes(NodeJson.toJson(nodes.get(Ids.parse(id)))));
        } catch (RuntimeException e) {
            status = DirectRequests.answer(response, e);
        }
        metrics.directRequestServed("GET", ROUTE, status, Duration.ofNanos(System.nanoTime() - started));
        return true;
    }
}
