package dev.maestro.pipeline.it.support;

import dev.maestro.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Talks to one pipeline instance over HTTP on loopback: {@code /stats} and the test probe. */
public final class PipelineClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    /** {@code base} is the pipeline's context URL, e.g. {@code http://127.0.0.1:8080/pipeline/}. */
    public PipelineClient(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
    }

    public Map<String, Object> stats() {
        return Json.readMap(send("GET", "stats"));
    }

    /** The counters of one consumer group, or an empty map before the group is active here. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> consumer(String group) {
        return ((List<Map<String, Object>>) stats().get("consumers")).stream()
                .filter(c -> group.equals(c.get("group"))).findFirst().orElse(Map.of());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> lifecycle() {
        return (Map<String, Object>) stats().get("lifecycle");
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> deliveries(String group) {
        return (List<Map<String, Object>>) Json.parse(send("GET", "probe/deliveries/" + group));
    }

    public int gateWaiting() {
        return ((Number) Json.readMap(send("GET", "probe/gate")).get("waiting")).intValue();
    }

    public void closeGate() {
        send("POST", "probe/gate/close");
    }

    public void openGate() {
        send("POST", "probe/gate/open");
    }

    /** A GET of a server-wide path ({@code /health/ready}, {@code /metrics}), whatever its status. */
    public RootResponse root(String path) {
        URI uri = URI.create(base).resolve(path);
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new RootResponse(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status and body of a server-wide path. */
    public record RootResponse(int status, String body) {
    }

    private String send(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
