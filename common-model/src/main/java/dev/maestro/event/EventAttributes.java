package dev.maestro.event;

import dev.maestro.error.ValidationException;
import dev.maestro.time.Timestamps;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Envelope attributes supplied by clients ({@code /publish}'s {@code attributes}, the extra keys
 * of a {@code /push} body), checked before they reach the CloudEvents builder so that a bad name
 * or value is a 422 naming it instead of a server error. Values are kept as text.
 */
public final class EventAttributes {
    /** Attributes with a meaning of their own in the envelope; anything else is an extension. */
    static final Set<String> CORE = Set.of("id", "source", "type", "time", "subject");
    /** Attributes the server alone sets. */
    private static final Set<String> FIXED = Set.of("specversion", "datacontenttype", "dataschema", "data", "data_base64");
    /** CloudEvents attribute names: lower-case letters and digits. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+");

    private EventAttributes() {
    }

    /**
     * Checks names and values and returns them as text. {@code loc} is where the attributes sit
     * in the request body (e.g. {@code "body", "attributes"}), for the 422's {@code loc}.
     */
    public static Map<String, String> of(Map<String, Object> raw, Object... loc) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            if (!NAME.matcher(name).matches() || FIXED.contains(name)) {
                throw invalid(loc, name, "value_error", "Attribute names are lower-case letters and digits, and cannot be one of "
                        + FIXED);
            }
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                throw invalid(loc, name, "string_type", "Input should be a valid string");
            }
            String text = value.toString();
            if (name.equals("time") && Timestamps.parse(text).isEmpty()) {
                throw invalid(loc, name, "datetime_parsing", "Input should be a valid datetime");
            }
            if (name.equals("source") && !isUriReference(text)) {
                throw invalid(loc, name, "url_parsing", "Input should be a valid URI reference");
            }
            out.put(name, text);
        });
        return out;
    }

    static Instant time(String text) {
        return Timestamps.parse(text).orElseThrow(() -> new IllegalArgumentException("Not a time: " + text));
    }

    private static boolean isUriReference(String text) {
        try {
            new URI(text);
            return !text.isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static ValidationException invalid(Object[] loc, String name, String type, String message) {
        List<Object> where = new ArrayList<>(List.of(loc));
        where.add(name);
        return new ValidationException(List.of(new ValidationException.FieldError(where, message, type)));
    }
}
