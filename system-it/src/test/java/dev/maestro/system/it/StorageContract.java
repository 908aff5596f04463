package dev.maestro.system.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.system.it.support.Downloads;
import dev.maestro.system.it.support.SystemBackends;
import dev.maestro.testsupport.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's storage endpoint as jobs and readers use it: KernelCI-style multipart uploads
 * with the storage token, files and directory indexes served read-only, and clear JSON errors
 * for what a client gets wrong, with nothing stored.
 */
public interface StorageContract extends SystemContract {
    String BOUNDARY = "maestro-it-boundary";

    /** The token the server was started with ({@code MAESTRO_STORAGE_TOKEN}). */
    default String storageToken() {
        return System.getProperty("it.storage.token");
    }

    @Test
    default void uploadedFilesAreServedReadOnlyAtTheirUrls() {
        String dir = "it-" + UUID.randomUUID();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a.txt", "hello storage\n");
        files.put("b.log", "a log line\n");
        ApiResponse stored = upload("Bearer " + storageToken(), dir, files);

        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        String base = "http://127.0.0.1:" + SystemBackends.httpPort() + "/pipeline/storage/" + dir + "/";
        assertThat(stored.map()).containsEntry("a.txt", base + "a.txt").containsEntry("b.log", base + "b.log");
        assertThat(Downloads.text(base + "a.txt")).isEqualTo("hello storage\n");
        ApiResponse read = pipeline().get("/storage/" + dir + "/b.log");
        assertThat(read.contentType()).startsWith("text/plain");
        assertThat(read.body()).isEqualTo("a log line\n");
        ApiResponse index = pipeline().get("/storage/" + dir + "/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.contentType()).startsWith("text/html");
        assertThat(index.body()).contains("href=\"a.txt\"", "href=\"b.log\"");
        assertThat(upload(storageToken(), dir, Map.of("a.txt", "replaced\n")).status()).as("a bare token works too").isEqualTo(200);
        assertThat(Downloads.text(base + "a.txt")).isEqualTo("replaced\n");
    }

    @Test
    default void badUploadsAreRefusedWithADetailAndStoreNothing() {
        String dir = "it-" + UUID.randomUUID();
        ApiResponse noToken = upload(null, dir, Map.of("x.txt", "x"));
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.detail()).isEqualTo("Missing or wrong storage token");
        assertThat(upload("Bearer wrong", dir, Map.of("x.txt", "x")).status()).isEqualTo(401);
        ApiResponse escape = upload("Bearer " + storageToken(), "../" + dir, Map.of("x.txt", "x"));
        assertThat(escape.status()).isEqualTo(400);
        assertThat(escape.detail().toString()).contains("leaves the storage root");
        assertThat(upload("Bearer " + storageToken(), dir, Map.of()).status()).isEqualTo(400);

        ApiResponse missing = pipeline().get("/storage/" + dir + "/x.txt");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/json");
        assertThat(missing.detail()).isEqualTo("File not found: " + dir + "/x.txt");
        assertThat(pipeline().get("/storage/" + dir + "%2Fx.txt").status()).isEqualTo(400);
        assertThat(pipeline().delete("/storage/" + dir + "/x.txt").status()).isEqualTo(405);
    }

    /**
     * The container resolves {@code ..} before choosing a servlet: these reached other paths of the
     * pipeline ({@code /pipeline/stats}, or an HTML 404) instead of storage's refusal.
     */
    @Test
    default void storageUrlsClimbingOutOfStorageAnswer400WithADetail() {
        for (String path : List.of("/storage/../stats", "/storage/it/../../stats", "/storage/%2e%2e/stats", "/storage/%2E%2E")) {
            ApiResponse r = pipeline().get(path);
            assertThat(r.status()).as(path + ": " + r).isEqualTo(400);
            assertThat(r.contentType()).as(path).startsWith("application/json");
            assertThat(r.detail().toString()).as(path).contains("leaves the storage root");
        }
    }

    default ApiResponse upload(String authorization, String dir, Map<String, String> files) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, "Content-Disposition: form-data; name=\"path\"", dir);
        int i = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            part(body, "Content-Disposition: form-data; name=\"file" + i++ + "\"; filename=\"" + file.getKey()
                    + "\"\r\nContent-Type: application/octet-stream", file.getValue());
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pipeline().base() + "/storage/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(null), null);
        } catch (IOException e) {
            throw new AssertionError("The upload failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted during an upload", e);
        }
    }

    private static void part(ByteArrayOutputStream body, String headers, String content) {
        body.writeBytes(("--" + BOUNDARY + "\r\n" + headers + "\r\n\r\n" + content + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
