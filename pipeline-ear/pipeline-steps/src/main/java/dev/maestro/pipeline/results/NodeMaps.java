package dev.maestro.pipeline.results;

import dev.maestro.time.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reading the fields of a node's JSON map that the results logic needs, absent fields as null or empty. */
final class NodeMaps {
    private NodeMaps() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static Map<String, Object> data(Map<String, Object> node) {
        return map(node.get("data"));
    }

    static Map<String, Object> revision(Map<String, Object> node) {
        return map(data(node).get("kernel_revision"));
    }

    static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    static String id(Map<String, Object> node) {
        return text(node.get("id"));
    }

    static int retryCounter(Map<String, Object> node) {
        return node.get("retry_counter") instanceof Number n ? n.intValue() : 0;
    }

    static Optional<Instant> time(Object value) {
        return value == null ? Optional.empty() : Timestamps.parse(String.valueOf(value));
    }

    static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().filter(Objects::nonNull).map(String::valueOf).toList() : List.of();
    }
}
