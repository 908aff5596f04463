package dev.maestro.pipeline.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.maestro.json.Json;
import dev.maestro.pipeline.storage.ArtifactUpload;
import dev.maestro.pipeline.storage.FileSystemStorage;
import dev.maestro.pipeline.storage.StoragePath;
import dev.maestro.pipeline.storage.StoredFile;
import dev.maestro.pipeline.storage.UploadRejectedException;
import dev.maestro.pipeline.storage.UploadToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for the API and the storage endpoint while example jobs run:
 * it records every node call they make (method, path, token, JSON body), answers them as the
 * API would, and serves uploads and downloads through the real storage core
 * ({@link ArtifactUpload} on a {@link FileSystemStorage}).
 */
public final class RecordingServer implements AutoCloseable {
    /** One API call a job made. */
    public record Call(String method, String path, String authorization, Map<String, Object> body) {
    }

    /** Where the real server has storage: in the pipeline's web module, under {@code /pipeline}. */
    private static final String STORAGE_PREFIX = "/pipeline/storage/";

    private final HttpServer server;
    private final String apiToken;
    private final FileSystemStorage storage;
    private final ArtifactUpload upload;
    private final List<Call> calls = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    private RecordingServer(HttpServer server, String apiToken, FileSystemStorage storage, String storageToken) {
        this.server = server;
        this.apiToken = apiToken;
        this.storage = storage;
        this.upload = new ArtifactUpload(storage, new UploadToken(storageToken));
    }

    public static RecordingServer start(Path storageRoot, String apiToken, String storageToken) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        URI base = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + STORAGE_PREFIX);
        RecordingServer server = new RecordingServer(http, apiToken, new FileSystemStorage(storageRoot, base), storageToken);
        http.createContext("/latest/", server::api);
        http.createContext(STORAGE_PREFIX, server::storage);
        http.start();
        return server;
    }

    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI storageApiUrl() {
        return URI.create(apiUrl() + STORAGE_PREFIX.substring(0, STORAGE_PREFIX.length() - 1));
    }

    public URI storageBaseUrl() {
        return URI.create(apiUrl() + STORAGE_PREFIX);
    }

    public FileSystemStorage storage() {
        return storage;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void api(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, Object> json = body.length == 0 ? Map.of() : Json.readMap(new String(body, StandardCharsets.UTF_8));
            String path = exchange.getRequestURI().getPath();
            synchronized (this) {
                calls.add(new Call(exchange.getRequestMethod(), path, auth, json));
            }
            if (!("Bearer " + apiToken).equals(auth)) {
                respond(exchange, 401, Map.of("detail", "Could not validate credentials"));
                return;
            }
            Map<String, Object> node = new LinkedHashMap<>(json);
            if (exchange.getRequestMethod().equals("POST") && path.equals("/latest/node")) {
                node.put("id", String.format("%024x", 0xc0ffee000L + ids.incrementAndGet()));
            } else {
                node.put("id", path.substring(path.lastIndexOf('/') + 1));
            }
            respond(exchange, 200, node);
        }
    }

    private void storage(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(STORAGE_PREFIX.length());
            if (exchange.getRequestMethod().equals("POST") && path.equals("upload")) {
                receiveUpload(exchange);
                return;
            }
            Optional<StoredFile> file = storage.find(StoragePath.of(path));
            if (file.isEmpty()) {
                respond(exchange, 404, Map.of("detail", "Not found"));
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", file.get().contentType());
            exchange.sendResponseHeaders(200, file.get().size());
            try (InputStream in = file.get().open()) {
                in.transferTo(exchange.getResponseBody());
            }
        }
    }

    private void receiveUpload(HttpExchange exchange) throws IOException {
        List<MultipartForm.Field> fields = MultipartForm.parse(exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestBody().readAllBytes());
        String directory = fields.stream().filter(f -> f.name().equals(ArtifactUpload.PATH_FIELD)).findFirst()
                .map(MultipartForm.Field::text).orElse("");
        List<ArtifactUpload.Part> parts = fields.stream()
                .filter(f -> f.fileName() != null && f.name().startsWith(ArtifactUpload.FILE_FIELD_PREFIX))
                .map(f -> new ArtifactUpload.Part(f.fileName(), new ByteArrayInputStream(f.content())))
                .toList();
        try {
            Map<String, URI> urls = upload.accept(exchange.getRequestHeaders().getFirst("Authorization"), directory, parts);
            Map<String, Object> answer = new LinkedHashMap<>();
            urls.forEach((name, url) -> answer.put(name, url.toString()));
            respond(exchange, 200, answer);
        } catch (UploadRejectedException e) {
            respond(exchange, e.status(), Map.of("detail", e.getMessage()));
        }
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
