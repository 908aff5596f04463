package dev.maestro.pipeline.delivery;

import dev.maestro.json.Json;
import java.util.Map;

/**
 * The CloudEvents 1.0 envelope of an event, as common-model's event log writes it: {@code id},
 * {@code type}, {@code source}, {@code time}, the {@code owner} extension, the JSON {@code data}
 * and {@code _sequence_id}.
 */
public record EventEnvelope(String id, String type, String source, String time, String owner,
                            Map<String, Object> data, long sequence) {

    /** Parses an envelope; throws IllegalArgumentException when it is not a JSON object. */
    public static EventEnvelope parse(String json) {
        Map<String, Object> e = Json.readMap(json);
        Object data = e.get("data");
        @SuppressWarnings("unchecked")
        Map<String, Object> dataMap = data instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Object sequence = e.get("_sequence_id");
        return new EventEnvelope(text(e.get("id")), text(e.get("type")), text(e.get("source")), text(e.get("time")),
                text(e.get("owner")), dataMap, sequence instanceof Number n ? n.longValue() : 0);
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
