package dev.maestro.api.dashboard.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /pipeline/stats} as nested name/value lists: one section per top-level key, maps
 * nested, lists and scalars shown as JSON text. The stats' shape changes as the pipeline grows,
 * so the page follows the document rather than naming its fields.
 */
public record StatsView(String statsUrl, String error, List<Entry> sections) {

    public static StatsView of(String statsUrl, Map<String, Object> stats) {
        List<Entry> sections = new ArrayList<>();
        stats.forEach((name, value) -> sections.add(Entry.of(name, value instanceof Map<?, ?> ? value : Map.of("value", value))));
        return new StatsView(statsUrl, null, sections);
    }

    public static StatsView unavailable(String statsUrl, String error) {
        return new StatsView(statsUrl, error, List.of());
    }

    /** A name with either a scalar value or entries of its own. */
    public record Entry(String name, boolean scalar, String value, List<Entry> entries) {
        static Entry of(String name, Object value) {
            if (value instanceof Map<?, ?> map && !map.isEmpty()) {
                List<Entry> entries = new ArrayList<>();
                map.forEach((k, v) -> entries.add(of(String.valueOf(k), v)));
                return new Entry(name, false, null, entries);
            }
            return new Entry(name, true, value instanceof String s ? s : dev.maestro.json.Json.write(value), List.of());
        }
    }
}
