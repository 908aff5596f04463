package dev.maestro.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Whether the first admin's password this launcher holds actually logs in. The API creates the
 * admin only when no superuser exists, so on a second instance (or after the password file was
 * lost) the generated password is not the admin's: the banner must not print it as if it were.
 */
final class AdminLoginCheck {
    private AdminLoginCheck() {
    }

    /** True when {@code POST /latest/user/login} accepts the name and password. */
    static boolean logsIn(String baseUrl, String username, String password) throws InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest login = HttpRequest.newBuilder(URI.create(baseUrl + "/latest/user/login"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            return HttpClient.newHttpClient().send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
