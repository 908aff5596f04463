package dev.maestro.testsupport;

import dev.maestro.json.Json;
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
import java.util.stream.Collectors;

/**
 * A small HTTP client for the server under test (the API, or any JSON endpoint such as the
 * pipeline's): real HTTP on loopback, tokens by name, and responses that can be read as JSON.
 * {@code as(token)} gives a client that sends that token. An {@link Observer} sees every
 * exchange (the API suite checks each one against the served OpenAPI document).
 */
public final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Sees each request's method and path (with its query) and the answer, and may fail the test. */
    public interface Observer {
        Observer NONE = (method, path, response) -> { };

        void exchanged(String method, String path, ApiResponse response);
    }

    private final String base;
    private final String token;
    private final Observer observer;

    public ApiClient(String base, String token) {
        this(base, token, Observer.NONE);
    }

    public ApiClient(String base, String token, Observer observer) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
        this.observer = observer;
    }

    public String base() {
        return base;
    }

    public ApiClient as(String bearerToken) {
        return new ApiClient(base, bearerToken, observer);
    }

    public ApiClient anonymous() {
        return new ApiClient(base, null, observer);
    }

    public ApiResponse get(String path) {
        return send(request(path).GET());
    }

    public ApiResponse delete(String path) {
        return send(request(path).DELETE());
    }

    public ApiResponse post(String path, Object json) {
        return send(request(path).header("Content-Type", "application/json").POST(body(json)));
    }

    public ApiResponse put(String path, Object json) {
        return send(request(path).header("Content-Type", "application/json").PUT(body(json)));
    }

    public ApiResponse patch(String path, Object json) {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", body(json)));
    }

    /** Raw body text with an explicit content type, for malformed-request tests. */
    public ApiResponse send(String method, String path, String contentType, String rawBody) {
        HttpRequest.Builder b = request(path).method(method, HttpRequest.BodyPublishers.ofString(rawBody));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    public ApiResponse postForm(String path, Map<String, String> form) {
        String encoded = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)));
    }

    /** Logs in and returns the access token; fails the test if login does not answer 200. */
    public String login(String username, String password) {
        ApiResponse r = postForm("/latest/user/login", Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + r);
        }
        return (String) r.map().get("access_token");
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static HttpRequest.BodyPublisher body(Object json) {
        return HttpRequest.BodyPublishers.ofString(json instanceof String s ? s : Json.write(json));
    }

    private ApiResponse send(HttpRequest.Builder b) {
        try {
            HttpRequest request = b.build();
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            ApiResponse response = new ApiResponse(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Location").orElse(null));
            observer.exchanged(request.method(), request.uri().getRawPath().substring(URI.create(base).getRawPath().length())
                    + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery()), response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
