package dev.maestro.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.maestro.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback that answers LAVA's REST API v0.2 job submission as a LAVA
 * server does ({@code POST /api/v0.2/jobs/} with {@code Authorization: Token <token>} and
 * {@code {"definition": "<yaml>"}} → 201 {@code {"message": …, "job_ids": [n]}}; a wrong token
 * → 401 {@code {"detail": "Invalid token."}}), and records every submission. It can be told to
 * fail the way a broken lab does (a 5xx status). {@link #recordedCallback} gives the bodies such
 * a server posts back to a job's {@code notify.callback} URL when the job ends.
 */
public final class FakeLavaServer implements AutoCloseable {
    /** A job definition as it arrived: the Authorization header and the parsed body. */
    public record Submission(String authorization, String contentType, Map<String, Object> body) {
        public String definition() {
            return (String) body.get("definition");
        }
    }

    private final HttpServer server;
    private final String token;
    private final List<Submission> submissions = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextJobId = new AtomicInteger(1000);
    private volatile int failWith;

    private FakeLavaServer(HttpServer server, String token) {
        this.server = server;
        this.token = token;
    }

    /** Starts on a free loopback port; jobs are accepted only with {@code token}. */
    public static FakeLavaServer start(String token) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeLavaServer lava = new FakeLavaServer(http, token);
        http.createContext("/api/v0.2/jobs/", lava::jobs);
        http.start();
        return lava;
    }

    /**
     * A callback body shaped as LAVA sends it ({@code dataset: all}, {@code content-type: json}:
     * status, device, the log and each suite's results as YAML texts), for the job of node
     * {@code nodeId}: {@code passing-boot}, {@code failed-login} (incomplete, login and
     * kernel-messages failed, error_type Test), {@code infrastructure-error} (a download failed)
     * or {@code nested-test-sets} (two suites, test sets, an unknown case and the upload suite).
     */
    public static String recordedCallback(String name, String nodeId) {
        try (InputStream in = FakeLavaServer.class.getResourceAsStream("lava/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No recorded LAVA callback named " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("NODE", nodeId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lab's root URL ({@code http://127.0.0.1:<port>}), as a runtime's {@code url}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Submission> submissions() {
        return List.copyOf(submissions);
    }

    /** From now on every submission gets {@code status} (e.g. 503); 0 accepts jobs again. */
    public void failWith(int status) {
        failWith = status;
    }

    private void jobs(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/api/v0.2/jobs/")) {
                reply(exchange, 405, Map.of("detail", "Method \"" + exchange.getRequestMethod() + "\" not allowed."));
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (failWith > 0) {
                reply(exchange, failWith, Map.of("detail", "lab is down"));
                return;
            }
            if (!("Token " + token).equals(auth)) {
                reply(exchange, 401, Map.of("detail", "Invalid token."));
                return;
            }
            submissions.add(new Submission(auth, exchange.getRequestHeaders().getFirst("Content-Type"), Json.parseObject(body)));
            reply(exchange, 201, Map.of("message", "job has been submitted", "job_ids", List.of(nextJobId.getAndIncrement())));
        }
    }

    private static void reply(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
