package dev.maestro.api.dashboard.view;

import java.util.List;
import java.util.Map;

/** One node event of a timeline, as {@code EventHistory.find} returns it. */
public record EventRow(long sequence, String time, String op, String nodeId, String kind, String name, String state,
                       String result, String statusClass) {

    public static List<EventRow> of(List<Map<String, Object>> events) {
        return events.stream().map(EventRow::of).toList();
    }

    private static EventRow of(Map<String, Object> event) {
        Map<?, ?> data = event.get("data") instanceof Map<?, ?> m ? m : Map.of();
        String result = text(data.get("result"));
        return new EventRow(event.get("sequence_id") instanceof Number n ? n.longValue() : 0,
                text(event.get("timestamp")).replace('T', ' '), text(data.get("op")), text(data.get("id")),
                text(data.get("kind")), text(data.get("name")), text(data.get("state")), result,
                result.isEmpty() ? "running" : result);
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
