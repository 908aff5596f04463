package dev.maestro.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The few API calls the benchmark makes, as any HTTP client would make them. */
final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    private Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    static Api login(String base, String user, String password) {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        Map<?, ?> answer = (Map<?, ?>) call(HttpRequest.newBuilder(URI.create(base + "/latest/user/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        return new Api(base, (String) answer.get("access_token"));
    }

    int subscribe(String channel) {
        return ((Number) ((Map<?, ?>) post("/latest/subscribe/" + channel, null)).get("id")).intValue();
    }

    void unsubscribe(int subscription) {
        post("/latest/unsubscribe/" + subscription, null);
    }

    /** One long poll; returns the envelope the message carries as JSON text. */
    Map<?, ?> listen(int subscription) {
        Map<?, ?> message = (Map<?, ?>) call(authorized("/latest/listen/" + subscription).GET());
        try {
            return JSON.readValue((String) message.get("data"), Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not an envelope: " + message, e);
        }
    }

    /** {@code POST /latest/node}: the stored node. */
    @SuppressWarnings("unchecked")
    Map<String, Object> createNode(Map<String, Object> node) {
        return (Map<String, Object>) post("/latest/node", node);
    }

    /** {@code PUT /latest/nodes/{root}}: submits a whole tree under an existing root in one request. */
    void submitHierarchy(String rootId, Map<String, Object> tree) {
        withBody("PUT", "/latest/nodes/" + rootId, tree);
    }

    /** A GET as a browser makes it, without a token: the page's HTML (only a 200 is an answer). */
    String page(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Accept", "text/html").GET()).body();
    }

    /** {@code PATCH /latest/node/{id}}: changes some fields of a node. */
    void patchNode(Object id, Map<String, Object> fields) {
        withBody("PATCH", "/latest/node/" + id, fields);
    }

    /** A GET of a text resource without a token, such as {@code /metrics}. */
    String text(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2)).GET()).body();
    }

    /** A GET of the API or of the pipeline's web module, answered as JSON. */
    Object get(String path) {
        return call(authorized(path).GET());
    }

    private Object post(String path, Object body) {
        return withBody("POST", path, body);
    }

    /** An authorized request with {@code body} as JSON; its answer as JSON. */
    private Object withBody(String method, String path, Object body) {
        try {
            return call(authorized(path).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token);
    }

    private static Object call(HttpRequest.Builder request) {
        try {
            return JSON.readValue(send(request).body(), Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON: " + e.getMessage(), e);
        }
    }

    /** The answer, which must be a 200. */
    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.request().uri().getPath() + " answered " + r.statusCode() + ": " + r.body());
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
