package dev.maestro.store;

import dev.maestro.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page of a paginated listing, read from the query as KernelCI does: {@code limit} (default
 * 50, at least 1, no maximum) and {@code offset} (default 0, at least 0), with every other
 * query parameter left as a filter.
 */
public record PageRequest(int limit, int offset, Map<String, String> filters) {
    public static final int DEFAULT_LIMIT = 50;

    public static PageRequest from(Map<String, String> query) {
        Map<String, String> filters = new LinkedHashMap<>(query);
        int limit = integer(filters.remove("limit"), "limit", DEFAULT_LIMIT, 1);
        int offset = integer(filters.remove("offset"), "offset", 0, 0);
        return new PageRequest(limit, offset, filters);
    }

    private static int integer(String text, String name, int byDefault, int minimum) {
        if (text == null) {
            return byDefault;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ValidationException.of("int_parsing", "Input should be a valid integer, unable to parse string as an integer",
                    "query", name);
        }
        if (value < minimum) {
            throw ValidationException.of("greater_than_equal", "Input should be greater than or equal to " + minimum,
                    "query", name);
        }
        return value;
    }
}
