package dev.maestro.node.kind;

import java.util.List;
import java.util.Map;

/**
 * The schema of a JSON object inside {@code data}: named fields, each with its rule and whether
 * it is required. {@code null} is accepted for optional fields; unknown keys are ignored (and
 * kept), as KernelCI's sub-models do.
 */
final class DataSchema implements DataRule {
    private final List<Field> fields;

    private DataSchema(List<Field> fields) {
        this.fields = fields;
    }

    static DataSchema of(Field... fields) {
        return new DataSchema(List.of(fields));
    }

    static Field required(String name, DataRule rule) {
        return new Field(name, rule, true);
    }

    static Field optional(String name, DataRule rule) {
        return new Field(name, rule, false);
    }

    /** This schema with more fields. */
    DataSchema with(Field... more) {
        List<Field> all = new java.util.ArrayList<>(fields);
        all.addAll(List.of(more));
        return new DataSchema(List.copyOf(all));
    }

    @Override
    public void check(Object value, String path, List<String> errors) {
        if (!(value instanceof Map<?, ?> map)) {
            errors.add(path + ": Input should be a valid dictionary");
            return;
        }
        for (Field f : fields) {
            String at = path + "." + f.name();
            Object v = map.get(f.name());
            if (v == null) {
                if (f.required()) {
                    errors.add(at + ": Field required");
                }
            } else {
                f.rule().check(v, at, errors);
            }
        }
    }

    record Field(String name, DataRule rule, boolean required) {
    }
}
