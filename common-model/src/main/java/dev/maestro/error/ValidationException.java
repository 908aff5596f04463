package dev.maestro.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request whose shape is wrong (missing field, wrong type, malformed JSON): 422 with a list of
 * {@code {loc, msg, type}} entries, as FastAPI answers, so KernelCI's clients can show them.
 */
public class ValidationException extends MaestroException {
    private final List<Map<String, Object>> errors;

    public ValidationException(List<FieldError> errors) {
        super(422, errors.isEmpty() ? "Validation error" : errors.get(0).message());
        this.errors = errors.stream().map(FieldError::toMap).toList();
    }

    public static ValidationException of(String type, String message, Object... loc) {
        return new ValidationException(List.of(new FieldError(List.of(loc), message, type)));
    }

    @Override
    public Object detail() {
        return errors;
    }

    /** One offending location, e.g. {@code ["body", "name"]}. */
    public record FieldError(List<Object> loc, String message, String type) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", type);
            m.put("loc", loc);
            m.put("msg", message);
            return m;
        }
    }
}
