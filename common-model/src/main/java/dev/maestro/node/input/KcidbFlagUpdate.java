package dev.maestro.node.input;

import dev.maestro.error.BadRequestException;
import dev.maestro.error.ValidationException;
import dev.maestro.error.ValidationException.FieldError;
import dev.maestro.node.field.NodeField;
import dev.maestro.store.Ids;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.types.ObjectId;

/**
 * {@code PUT /batch/nodeset}: {@code {"nodes": [ids], "field": <flag>, "value": "true"}}, where
 * the flag is {@link NodeField#PROCESSED_BY_KCIDB_BRIDGE}, KernelCI's only supported field;
 * {@code value} is a JSON string, {@code true}/{@code false} in any case. Everything is checked
 * before anything is written: shape errors are 422, a malformed id, another field or another
 * value 400.
 */
public record KcidbFlagUpdate(List<ObjectId> ids, boolean value) {
    private static final String FIELD = NodeField.PROCESSED_BY_KCIDB_BRIDGE.wire();

    public static KcidbFlagUpdate read(Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>();
        FieldReader f = new FieldReader(body, List.of("body"), errors);
        List<String> ids = f.requiredStringList("nodes");
        String field = f.requiredString("field");
        String value = f.requiredString("value");
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        LinkedHashSet<ObjectId> parsed = new LinkedHashSet<>();
        ids.forEach(id -> parsed.add(Ids.parse(id)));
        if (!FIELD.equals(field)) {
            throw new BadRequestException("Field not supported");
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new BadRequestException("Invalid value for " + FIELD + ": '" + value + "' (expected true or false)");
        }
        return new KcidbFlagUpdate(List.copyOf(parsed), v.equals("true"));
    }
}
