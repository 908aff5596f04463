package dev.maestro.api.direct;

import dev.maestro.api.auth.VerifiedTokens;
import dev.maestro.api.metrics.ApiMetrics;
import dev.maestro.api.node.NodeQueryResource;
import dev.maestro.api.node.NodeResource;
import dev.maestro.json.Json;
import dev.maestro.node.NodeJson;
import dev.maestro.node.NodeService;
import dev.maestro.node.query.NodeQuery;
import dev.maestro.store.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The reads served directly, for a request accepting JSON, with no bearer token or a valid one (a
 * refused token goes on to JAX-RS, which answers and logs the 401): {@code GET /node/{id}} as
 * {@link NodeResource#get} serves it, without a query string, and {@code GET /nodes} as
 * {@link NodeQueryResource#page} serves it, with a query that needs no decoding
 * ({@link PlainQuery}).
 */
@ApplicationScoped
class DirectNodeReads {
    private static final Method NODE_ROUTE = DirectRouteFilter.resourceMethod(NodeResource.class, "get", String.class);
    private static final Method QUERY_ROUTE = DirectRouteFilter.resourceMethod(NodeQueryResource.class, "page", UriInfo.class);
    private static final String NODE = "/node/";

    @Inject
    NodeService nodes;

    @Inject
    VerifiedTokens tokens;

    @Inject
    ApiMetrics metrics;

    /**
     * Answers the request if it is one of the plain form; false, having read and written nothing,
     * otherwise. The token is verified last, once the request is known to be served here: one
     * passed on is verified by JAX-RS.
     */
    boolean serve(String route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Method served;
        Supplier<Object> json;
        if (route.equals("/nodes")) {
            Optional<Map<String, String>> parameters = PlainQuery.parameters(request.getQueryString());
            if (parameters.isEmpty()) {
                return false;
            }
            served = QUERY_ROUTE;
            json = () -> nodes.search(NodeQuery.paged(parameters.get())).toJson(NodeJson::toJson);
        } else {
            String id = route.startsWith(NODE) ? route.substring(NODE.length()) : "";
            if (request.getQueryString() != null || !Ids.isValid(id)) {
                return false;
            }
            served = NODE_ROUTE;
            json = () -> NodeJson.toJson(nodes.get(Ids.parse(id)));
        }
        if (!DirectRequests.acceptsJson(request) || !acceptableToken(request)) {
            return false;
        }
        answer(response, served, json);
        return true;
    }

    /** No bearer token, or one that names a user; a refused one is left to JAX-RS. */
    private boolean acceptableToken(HttpServletRequest request) {
        String token = DirectRequests.bearerToken(request);
        return token == null || tokens.subject(token).isPresent();
    }

    /** Writes the read's JSON, or the answer the exception mappers give its failure, and counts it. */
    private void answer(HttpServletResponse response, Method route, Supplier<Object> json) throws IOException {
        long started = System.nanoTime();
        int status;
        try {
            status = DirectRequests.answer(response, 200, Json.writeBytes(json.get()));
        } catch (RuntimeException e) {
            status = DirectRequests.answer(response, e);
        }
        metrics.directRequestServed("GET", route, status, Duration.ofNanos(System.nanoTime() - started));
    }
}
