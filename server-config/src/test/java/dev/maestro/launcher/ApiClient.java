package dev.maestro.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Calls to the API of a {@link LaunchedInstance} over real HTTP, as a client of KernelCI's API makes them. */
final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String url;

    ApiClient(LaunchedInstance instance) {
        this.url = instance.url;
    }

    /** {@code POST /latest/user/login} as a form; the answer, whatever its status. */
    HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url + "/latest/user/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
    }

    /** The access token of a login that must succeed. */
    String token(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = login(username, password);
        assertThat(r.statusCode()).as("login of %s: %s", username, r.body()).isEqualTo(200);
        return (String) Json.parseObject(r.body()).get("access_token");
    }

    /** {@code GET path}, with a bearer token unless it is null. */
    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send(authorised(HttpRequest.newBuilder(URI.create(url + path)), token).GET());
    }

    /** {@code POST path} with a JSON body and a bearer token. */
    HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        return send(authorised(HttpRequest.newBuilder(URI.create(url + path)), token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpRequest.Builder authorised(HttpRequest.Builder b, String token) {
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
