package dev.maestro.api.direct;

import dev.maestro.api.auth.VerifiedTokens;
import dev.maestro.api.metrics.ApiMetrics;
import dev.maestro.api.node.NodeQueryResource;
import dev.maestro.json.Json;
import dev.maestro.node.NodeJson;
import dev.maestro.node.NodeService;
import dev.maestro.node.query.NodeQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /nodes} as {@link NodeQueryResource#page} serves it, for a request accepting JSON,
 * with no bearer token or a valid one, whose query string needs no decoding: every parameter is
 * {@code name=value} of characters that stand for themselves (no {@code %}, no {@code +}, which
 * would be a space). Such a query reads the same as JAX-RS's decoded parameters, a repeated name
 * keeping its last value; any other query, and a refused token, goes on to JAX-RS.
 */
@ApplicationScoped
class DirectNodeQuery {
    private static final Method ROUTE = DirectNodeFilter.resourceMethod(NodeQueryResource.class, "page", UriInfo.class);
    /** RFC 3986's unreserved characters and the delimiters that mean nothing else in a query Jersey decodes. */
    private static final Pattern PLAIN_QUERY = Pattern.compile("[A-Za-z0-9._~!$'()*,:@/?=&-]*");

    @Inject
    NodeService nodes;

    @Inject
    VerifiedTokens tokens;

    @Inject
    ApiMetrics metrics;

    /** Answers the request if it is one of the plain form; false, having read and written nothing, otherwise. */
    boolean serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/nodes".equals(DirectRequests.route(request)) || !DirectRequests.acceptsJson(request)) {
            return false;
        }
        Optional<Map<String, String>> parameters = plainParameters(request.getQueryString());
        String token = VerifiedTokens.bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (parameters.isEmpty() || token != null && tokens.subject(token).isEmpty()) {
            return false;
        }
        long started = System.nanoTime();
        int status;
        try {
            status = DirectRequests.answer(response, 200,
                    Json.writeBytes(nodes.search(NodeQuery.paged(parameters.get())).toJson(NodeJson::toJson)));
        } catch (RuntimeException e) {
            status = DirectRequests.answer(response, e);
        }
        metrics.directRequestServed("GET", ROUTE, status, Duration.ofNanos(System.nanoTime() - started));
        return true;
    }

    /** The parameters of a query that needs no decoding, in their order; empty for any other query. */
    static Optional<Map<String, String>> plainParameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null) {
            return Optional.of(parameters);
        }
        if (query.isEmpty() || !PLAIN_QUERY.matcher(query).matches()) {
            return Optional.empty();
        }
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                return Optional.empty();
            }
            parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return Optional.of(parameters);
    }
}
