package dev.maestro.pipeline.patchwork;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A check as {@code POST /api/1.2/patches/{id}/checks/} takes it.
 *
 * @param state   {@code success}, {@code warning} or {@code fail} ({@code pending} is never posted)
 * @param context a slug naming what was checked (Patchwork refuses other characters)
 */
public record PatchworkCheck(String state, String context, String description, String targetUrl) {
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", state);
        body.put("context", context);
        body.put("description", description);
        body.put("target_url", targetUrl);
        return body;
    }
}
