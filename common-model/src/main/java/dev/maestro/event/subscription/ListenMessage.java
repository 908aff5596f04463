package dev.maestro.event.subscription;

import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code /listen} answers: a Redis-style message whose {@code data} is the envelope as JSON text. */
public record ListenMessage(String channel, String data) {

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "message");
        m.put("pattern", null);
        m.put("channel", channel);
        m.put("data", data);
        return m;
    }
}
