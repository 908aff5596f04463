package dev.maestro.telemetry;

import dev.maestro.error.BadRequestException;
import dev.maestro.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Reads telemetry events as KernelCI's model defines them: {@code kind} and {@code runtime}
 * required, the other fields optional with their defaults, unknown keys dropped. Every field is
 * stored, null when not given, as upstream stores the whole model.
 */
public final class TelemetryEvents {
    /** Text fields besides the two required ones. */
    static final List<String> OPTIONAL_TEXT = List.of("device_type", "device_id", "job_name", "test_name", "job_id", "node_id",
            "tree", "branch", "arch", "result", "error_type", "error_msg");

    private TelemetryEvents() {
    }

    /** The document to store for one element of a request body; 400 naming every problem otherwise. */
    public static Document parse(Object element) {
        if (!(element instanceof Map<?, ?> event)) {
            throw invalid(List.of("  Input should be a valid dictionary"));
        }
        List<String> problems = new ArrayList<>();
        Document doc = new Document("ts", Date.from(timestamp(event.get("ts"), problems)));
        doc.append("kind", text(event, "kind", true, problems));
        doc.append("runtime", text(event, "runtime", true, problems));
        for (String field : OPTIONAL_TEXT) {
            doc.append(field, text(event, field, false, problems));
        }
        doc.append("is_infra_error", flag(event.get("is_infra_error"), problems));
        doc.append("retry", retry(event.get("retry"), problems));
        doc.append("extra", extra(event.get("extra"), problems));
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return doc;
    }

    /** A stored event as the API shows it: {@code id} first, then every field, {@code ts} as a timestamp. */
    public static Map<String, Object> toJson(Document stored) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", stored.getObjectId("_id").toHexString());
        stored.forEach((key, value) -> {
            if (!"_id".equals(key)) {
                m.put(key, value instanceof Date d ? Timestamps.format(d) : value);
            }
        });
        return m;
    }

    private static BadRequestException invalid(List<String> problems) {
        return new BadRequestException("Invalid telemetry event: " + problems.size() + " validation error"
                + (problems.size() == 1 ? "" : "s") + " for TelemetryEvent\n" + String.join("\n", problems));
    }

    private static Instant timestamp(Object value, List<String> problems) {
        if (value == null) {
            return Timestamps.now();
        }
        Optional<Instant> parsed = value instanceof String s ? Timestamps.parse(s) : Optional.empty();
        if (parsed.isEmpty()) {
            problems.add("ts\n  Input should be a valid datetime");
            return Timestamps.now();
        }
        return parsed.get();
    }

    private static String text(Map<?, ?> event, String field, boolean required, List<String> problems) {
        Object value = event.get(field);
        if (value == null) {
            if (required) {
                problems.add(field + "\n  Field required");
            }
            return null;
        }
        if (!(value instanceof String s)) {
            problems.add(field + "\n  Input should be a valid string");
            return null;
        }
        return s;
    }

    private static boolean flag(Object value, List<String> problems) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        problems.add("is_infra_error\n  Input should be a valid boolean");
        return false;
    }

    private static long retry(Object value, List<String> problems) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        problems.add("retry\n  Input should be a valid integer");
        return 0;
    }

    private static Document extra(Object value, List<String> problems) {
        if (value == null) {
            return new Document();
        }
        if (value instanceof Map<?, ?> map) {
            Document d = new Document();
            map.forEach((k, v) -> d.append(String.valueOf(k), v));
            return d;
        }
        problems.add("extra\n  Input should be a valid dictionary");
        return new Document();
    }
}
