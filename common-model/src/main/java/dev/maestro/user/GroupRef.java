package dev.maestro.user;

import java.util.LinkedHashMap;
import java.util.Map;

/** A user group as embedded in a user and as listed by {@code /user-groups}. */
public record GroupRef(String id, String name) {
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        return m;
    }
}
