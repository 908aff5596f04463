package dev.maestro.node.input;

import dev.maestro.error.ValidationException.FieldError;
import dev.maestro.store.Ids;
import dev.maestro.time.Timestamps;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bson.types.ObjectId;

/**
 * Reads typed fields out of one parsed JSON object and collects every shape error (FastAPI's
 * 422 entries: type, location, message) instead of stopping at the first. A field that fails
 * yields its default so reading can go on; the caller throws when {@link #errors()} is not empty.
 */
final class FieldReader {
    static final int MAX_DEPTH = 32;

    private final Map<String, Object> body;
    private final List<Object> loc;
    private final List<FieldError> errors;

    FieldReader(Map<String, Object> body, List<Object> loc, List<FieldError> errors) {
        this.body = body;
        this.loc = loc;
        this.errors = errors;
    }

    List<FieldError> errors() {
        return errors;
    }

    boolean has(String key) {
        return body.containsKey(key);
    }

    Object raw(String key) {
        return body.get(key);
    }

    void error(String key, String type, String message) {
        errors.add(new FieldError(at(key), message, type));
    }

    String requiredString(String key) {
        if (!has(key)) {
            error(key, "missing", "Field required");
            return null;
        }
        return string(key, false, null);
    }

    String string(String key, boolean nullable, String absent) {
        if (!has(key)) {
            return absent;
        }
        Object v = body.get(key);
        if (v == null && nullable) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        error(key, "string_type", "Input should be a valid string");
        return absent;
    }

    List<String> requiredStringList(String key) {
        if (!has(key)) {
            error(key, "missing", "Field required");
            return List.of();
        }
        return stringList(key, false, List.of());
    }

    List<String> stringList(String key, boolean nullable, List<String> absent) {
        if (!has(key)) {
            return absent;
        }
        Object v = body.get(key);
        if (v == null && nullable) {
            return null;
        }
        if (!(v instanceof List<?> list)) {
            error(key, "list_type", "Input should be a valid list");
            return absent;
        }
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String s) {
                out.add(s);
            } else {
                errors.add(new FieldError(at(key, i), "Input should be a valid string", "string_type"));
            }
        }
        return out;
    }

    /** A free-form JSON object ({@code data}, {@code debug}), checked to be storable as-is. */
    Map<String, Object> object(String key, boolean nullable, Map<String, Object> absent) {
        if (!has(key)) {
            return absent;
        }
        Object v = body.get(key);
        if (v == null && nullable) {
            return null;
        }
        if (!(v instanceof Map<?, ?>)) {
            error(key, "dict_type", "Input should be a valid dictionary");
            return absent;
        }
        checkStorable(v, at(key), 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) v;
        return map;
    }

    /** {@code artifacts}: names to http(s) URLs; a bare host gains a trailing slash. */
    Map<String, String> urls(String key, Map<String, String> absent) {
        if (!has(key)) {
            return absent;
        }
        Object v = body.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> map)) {
            error(key, "dict_type", "Input should be a valid dictionary");
            return absent;
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((name, url) -> {
            List<Object> where = at(key, name);
            if (!storableKey(String.valueOf(name))) {
                errors.add(new FieldError(where, badKeyMessage(), "value_error"));
            } else if (!(url instanceof String s)) {
                errors.add(new FieldError(where, "Input should be a valid string", "string_type"));
            } else {
                HttpUrls.normalise(s).ifPresentOrElse(u -> out.put(String.valueOf(name), u),
                        () -> errors.add(new FieldError(where, "URL scheme should be 'http' or 'https' and the URL needs a host",
                                "url_scheme")));
            }
        });
        return out;
    }

    Instant timestamp(String key, boolean nullable, Instant absent) {
        if (!has(key)) {
            return absent;
        }
        Object v = body.get(key);
        if (v == null && nullable) {
            return null;
        }
        Optional<Instant> t = v instanceof String s ? Timestamps.parse(s) : Optional.empty();
        if (t.isEmpty()) {
            error(key, "datetime_parsing", "Input should be a valid datetime");
            return absent;
        }
        return t.get().truncatedTo(ChronoUnit.MILLIS);
    }

    boolean bool(String key, boolean absent) {
        if (!has(key)) {
            return absent;
        }
        if (body.get(key) instanceof Boolean b) {
            return b;
        }
        error(key, "bool_type", "Input should be a valid boolean");
        return absent;
    }

    /** A JSON integer (not a string, boolean or float) that fits in 32 bits. */
    int strictInt(String key, int absent) {
        if (!has(key)) {
            return absent;
        }
        Object v = body.get(key);
        if ((v instanceof Integer) || (v instanceof Long l && l == l.intValue())) {
            return ((Number) v).intValue();
        }
        error(key, "int_type", "Input should be a valid integer");
        return absent;
    }

    <E> E enumValue(String key, Function<String, Optional<E>> parse, List<String> allowed, boolean nullable, E absent) {
        if (!has(key)) {
            return absent;
        }
        Object v = body.get(key);
        if (v == null && nullable) {
            return null;
        }
        Optional<E> e = v instanceof String s ? parse.apply(s) : Optional.empty();
        if (e.isEmpty()) {
            error(key, "enum", "Input should be " + choices(allowed));
            return absent;
        }
        return e.get();
    }

    ObjectId objectId(String key) {
        if (!has(key) || body.get(key) == null) {
            return null;
        }
        if (body.get(key) instanceof String s && Ids.isValid(s)) {
            return new ObjectId(s);
        }
        error(key, "value_error", "Value error, Invalid ObjectId: it must be a 24-character hex string");
        return null;
    }

    List<Object> at(Object... more) {
        List<Object> l = new ArrayList<>(loc);
        l.addAll(List.of(more));
        return l;
    }

    private void checkStorable(Object value, List<Object> where, int depth) {
        if (depth > MAX_DEPTH) {
            errors.add(new FieldError(where, "Value error, nested deeper than " + MAX_DEPTH + " levels", "value_error"));
            return;
        }
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                List<Object> inner = new ArrayList<>(where);
                inner.add(e.getKey());
                if (!storableKey(String.valueOf(e.getKey()))) {
                    errors.add(new FieldError(inner, badKeyMessage(), "value_error"));
                } else {
                    checkStorable(e.getValue(), inner, depth + 1);
                }
            }
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                List<Object> inner = new ArrayList<>(where);
                inner.add(i);
                checkStorable(l.get(i), inner, depth + 1);
            }
        } else if (value instanceof BigInteger) {
            errors.add(new FieldError(where, "Value error, integer does not fit in 64 bits", "value_error"));
        } else if (value instanceof Double d && !Double.isFinite(d)) {
            errors.add(new FieldError(where, "Value error, number out of range", "value_error"));
        }
    }

    /** Keys MongoDB can store and query: not empty, no {@code .}, no leading {@code $}, no NUL. */
    private static boolean storableKey(String key) {
        return !key.isEmpty() && !key.startsWith("$") && key.indexOf('.') < 0 && key.indexOf('\0') < 0;
    }

    private static String badKeyMessage() {
        return "Value error, keys must be non-empty and contain no '.', no NUL and no leading '$'";
    }

    private static String choices(List<String> allowed) {
        List<String> quoted = allowed.stream().map(a -> "'" + a + "'").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }
}
