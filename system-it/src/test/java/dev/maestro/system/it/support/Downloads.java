package dev.maestro.system.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Fetches artifacts by their public URL, as anyone reading a node would: plain GET, no token. */
public final class Downloads {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Downloads() {
    }

    /** The body of a 200 answer; anything else fails the test with the status. */
    public static byte[] bytes(String url) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + url + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while fetching " + url, e);
        }
    }

    public static String text(String url) {
        return new String(bytes(url), StandardCharsets.UTF_8);
    }
}
