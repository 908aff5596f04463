package dev.maestro.pipeline.web.storage;

import dev.maestro.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** JSON answers of the storage servlet, errors shaped as the API's: {@code {"detail": …}}. */
final class JsonReply {
    private JsonReply() {
    }

    static void send(HttpServletResponse resp, int status, Object body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    static void detail(HttpServletResponse resp, int status, String detail) throws IOException {
        send(resp, status, Map.of("detail", detail));
    }
}
