package dev.maestro.api.direct;

import dev.maestro.api.auth.ActiveUsers;
import dev.maestro.api.auth.VerifiedTokens;
import dev.maestro.api.http.BodySizeLimitFilter;
import dev.maestro.api.http.JsonBodyPolicy;
import dev.maestro.api.metrics.ApiMetrics;
import dev.maestro.api.node.NodeResource;
import dev.maestro.json.Json;
import dev.maestro.node.EventMode;
import dev.maestro.node.NodeJson;
import dev.maestro.node.NodeService;
import dev.maestro.node.input.NodeReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /node} as {@link NodeResource#create} serves it, with the checks that JAX-RS's
 * filters make before it, in their order: the bearer token, the body's size, its media type and
 * its UTF-8. Served here only when the request has a valid bearer token, a declared length
 * within the limit, JSON (or no) {@code Content-Type}, no query string and accepts JSON; every
 * other request goes on to JAX-RS, unread, which gives it its 401, 413 or 415. From the body on,
 * every failure gets the answer JAX-RS's exception mappers give it.
 */
@ApplicationScoped
class DirectNodeCreate {
    private static final Method ROUTE = DirectRouteFilter.resourceMethod(NodeResource.class, "create", String.class);

    @Inject
    NodeService nodes;

    @Inject
    VerifiedTokens tokens;

    @Inject
    ActiveUsers users;

    @Inject
    ApiMetrics metrics;

    @Inject
    @ConfigProperty(name = BodySizeLimitFilter.MAX_BYTES, defaultValue = BodySizeLimitFilter.DEFAULT_MAX_BYTES)
    long maxBytes;

    /** Answers the request if it is one of the plain form; false, having read and written nothing, otherwise. */
    boolean serve(String route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/node".equals(route) || request.getQueryString() != null
                || !DirectRequests.acceptsJson(request) || !isJson(request.getContentType())) {
            return false;
        }
        long length = request.getContentLengthLong();
        String token = DirectRequests.bearerToken(request);
        // The body is read into one array: a length past an array's reach goes on to JAX-RS like any unusual request.
        boolean readable = length >= 0 && length <= Math.min(maxBytes, Integer.MAX_VALUE - 8);
        Optional<String> subject = token == null || !readable ? Optional.empty() : tokens.subject(token);
        if (subject.isEmpty()) {
            return false;
        }
        long started = System.nanoTime();
        byte[] body = request.getInputStream().readNBytes((int) length);
        if (body.length < length) {
            throw new EOFException("The client sent " + body.length + " of the " + length + " bytes it declared");
        }
        int status;
        try {
            Optional<String> malformed = JsonBodyPolicy.malformedUtf8(body);
            status = malformed.isPresent()
                    ? DirectRequests.answer(response, 400, Json.writeBytes(Map.of("detail", malformed.get())))
                    : DirectRequests.answer(response, 200, created(subject.get(), body));
        } catch (RuntimeException e) {
            status = DirectRequests.answer(response, e);
        }
        metrics.directRequestServed("POST", ROUTE, status, Duration.ofNanos(System.nanoTime() - started));
        return true;
    }

    /** The resource method's steps: the JSON, then the caller, then the node written with its event. */
    private byte[] created(String userId, byte[] body) {
        Map<String, Object> json = Json.parseObject(new String(body, StandardCharsets.UTF_8));
        return Json.writeBytes(NodeJson.toJson(nodes.create(users.byId(userId), NodeReader.read(json), EventMode.PUBLISH)));
    }

    /** No type (read as JSON, as KernelCI reads it) or a JSON type in UTF-8; anything else is JAX-RS's 415. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            return JsonBodyPolicy.isUtf8Json(MediaType.valueOf(contentType));
        } catch (IllegalArgumentException unparsable) {
            return false;
        }
    }
}
