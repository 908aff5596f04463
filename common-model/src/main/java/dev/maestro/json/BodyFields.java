package dev.maestro.json;

import dev.maestro.error.ValidationException;
import dev.maestro.error.ValidationException.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed reading of the fields of a request body (a parsed JSON object, or a form as a map),
 * checked the way KernelCI's Pydantic models check them. Problems are collected, not thrown one
 * by one, so that {@link #validate()} answers one 422 listing every offending field, as FastAPI
 * does. A JSON {@code null} counts as absent, as for Pydantic's optional fields.
 */
public final class BodyFields {
    /** One {@code @}, no blanks, a dot in the domain: the shape any deliverable address has. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern ID_SHAPED = Pattern.compile("[0-9a-fA-F]{24}");

    private final Map<String, Object> body;
    private final List<FieldError> errors = new ArrayList<>();

    public BodyFields(Map<String, Object> body) {
        this.body = body;
    }

    public String requiredString(String name) {
        return present(name) ? optionalString(name).orElse(null) : null;
    }

    public Optional<String> optionalString(String name) {
        Object value = body.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of(s);
        }
        fail(name, "string_type", "Input should be a valid string");
        return Optional.empty();
    }

    /** A string that must not be blank: a name (of a user, of a group). */
    public String requiredName(String name) {
        return present(name) ? optionalName(name).orElse(null) : null;
    }

    public Optional<String> optionalName(String name) {
        Optional<String> value = optionalString(name);
        if (value.isPresent() && value.get().isBlank()) {
            fail(name, "string_too_short", "String should have at least 1 non-blank character");
            return Optional.empty();
        }
        return value;
    }

    /**
     * A user's name: not blank, and not 24 hex digits, the shape of a user id, so that a name
     * can never be mistaken for an id where either is accepted.
     */
    public String requiredUsername(String name) {
        return present(name) ? optionalUsername(name).orElse(null) : null;
    }

    public Optional<String> optionalUsername(String name) {
        Optional<String> value = optionalName(name);
        if (value.isPresent() && ID_SHAPED.matcher(value.get()).matches()) {
            fail(name, "value_error", "Value error, a username cannot be 24 hexadecimal digits (the shape of a user id)");
            return Optional.empty();
        }
        return value;
    }

    public String requiredEmail(String name) {
        return present(name) ? optionalEmail(name).orElse(null) : null;
    }

    public Optional<String> optionalEmail(String name) {
        Optional<String> value = optionalString(name);
        if (value.isPresent() && !isEmail(value.get())) {
            fail(name, "value_error", "value is not a valid email address: " + value.get());
            return Optional.empty();
        }
        return value;
    }

    /**
     * A boolean as Pydantic's lax mode reads it: JSON booleans, the integers 0 and 1 and the
     * usual words, because KernelCI's own client sends {@code {"is_active": 1}}.
     */
    public Optional<Boolean> optionalBoolean(String name) {
        Object value = body.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        if (value instanceof Number n && (n.longValue() == 0 || n.longValue() == 1) && n.doubleValue() == n.longValue()) {
            return Optional.of(n.longValue() == 1);
        }
        if (value instanceof String s) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on", "t", "y":
                    return Optional.of(true);
                case "false", "0", "no", "off", "f", "n":
                    return Optional.of(false);
                default:
                    break;
            }
        }
        fail(name, "bool_parsing", "Input should be a valid boolean");
        return Optional.empty();
    }

    /** A list of distinct strings (KernelCI: "Groups must have unique names."). */
    public Optional<List<String>> optionalUniqueStrings(String name) {
        Object value = body.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> list)) {
            fail(name, "list_type", "Input should be a valid list");
            return Optional.empty();
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String s) {
                strings.add(s);
            } else {
                errors.add(new FieldError(List.of("body", name, i), "Input should be a valid string", "string_type"));
            }
        }
        if (strings.size() < list.size()) {
            return Optional.empty();
        }
        if (new HashSet<>(strings).size() != strings.size()) {
            fail(name, "value_error", "Value error, " + capitalised(name) + " must have unique names.");
            return Optional.empty();
        }
        return Optional.of(List.copyOf(strings));
    }

    /** Throws the 422 listing every problem found so far; returns quietly when there is none. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw new ValidationException(List.copyOf(errors));
        }
    }

    static boolean isEmail(String s) {
        return s.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(s).matches();
    }

    private boolean present(String name) {
        if (body.get(name) == null) {
            fail(name, "missing", "Field required");
            return false;
        }
        return true;
    }

    private void fail(String name, String type, String message) {
        errors.add(new FieldError(List.of("body", name), message, type));
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
