package dev.maestro.testsupport;

import dev.maestro.json.Json;
import java.util.List;
import java.util.Map;

/** Status, body, content type and {@code Location} (or null) of one answer, with JSON accessors for assertions. */
public record ApiResponse(int status, String body, String contentType, String location) {

    public Object json() {
        return Json.parse(body);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        return (Map<String, Object>) json();
    }

    /** The JSON object at the end of {@code keys} in an object body, an empty one if there is none. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String... keys) {
        Object node = json();
        for (String key : keys) {
            node = node instanceof Map<?, ?> object ? object.get(key) : null;
        }
        return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<Object> list() {
        return (List<Object>) json();
    }

    /** The JSON list under {@code key} of an object body: a 422's detail, a page's items. */
    @SuppressWarnings("unchecked")
    public List<Object> list(String key) {
        return (List<Object>) map().get(key);
    }

    /** The {@code detail} of an error body. */
    public Object detail() {
        return map().get("detail");
    }

    @Override
    public String toString() {
        return status + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
    }
}
