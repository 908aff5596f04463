package dev.maestro.event.publish;

import dev.maestro.error.ValidationException;
import dev.maestro.event.EventAttributes;
import dev.maestro.event.EventLog;
import dev.maestro.event.StoredEvent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes a client's event: {@code {"data": …, "type"?, "source"?, "attributes"?: {}}}. The
 * owner is always the caller (it cannot be spoofed through the attributes); {@code type} and
 * {@code source} from the body win over the same attributes, as in KernelCI. Unlike KernelCI, a
 * body without {@code data} is refused like a falsy one instead of publishing {@code null}.
 */
public class Publisher {
    private final EventLog log;

    public Publisher(EventLog log) {
        this.log = log;
    }

    public StoredEvent publish(String channel, String caller, Object body) {
        if (!(body instanceof Map<?, ?> map)) {
            throw ValidationException.of("model_attributes_type", "Input should be a valid dictionary or object", "body");
        }
        if (!map.containsKey("data")) {
            throw ValidationException.of("missing", "Field required", "body", "data");
        }
        Object data = map.get("data");
        if (isFalsy(data)) {
            throw ValidationException.of("value_error", "Value error, None is not allowed as event payload", "body", "data");
        }
        Map<String, Object> requested = new LinkedHashMap<>();
        Object extra = map.get("attributes");
        if (extra instanceof Map<?, ?> attributes) {
            attributes.forEach((k, v) -> requested.put(String.valueOf(k), v));
        } else if (extra != null) {
            throw ValidationException.of("dict_type", "Input should be a valid dictionary", "body", "attributes");
        }
        requested.remove("owner");
        for (String field : new String[] {"type", "source"}) {
            Object value = map.get(field);
            if (value != null && !(value instanceof String)) {
                throw ValidationException.of("string_type", "Input should be a valid string", "body", field);
            }
            if (value != null) {
                requested.put(field, value);
            }
        }
        return log.append(channel, caller, data, EventAttributes.of(requested, "body", "attributes"));
    }

    /** Python's falsiness, which KernelCI's validator applies to {@code data}. */
    private static boolean isFalsy(Object data) {
        return data == null
                || data instanceof Boolean b && !b
                || data instanceof Number n && n.doubleValue() == 0
                || data instanceof String s && s.isEmpty()
                || data instanceof Map<?, ?> m && m.isEmpty()
                || data instanceof Collection<?> c && c.isEmpty();
    }
}
