package dev.maestro.store;

import dev.maestro.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page of a listing, read from the query as KernelCI does: {@code limit} and {@code offset},
 * malformed or out-of-range values being 422 as FastAPI's query validation answers, and (for
 * {@link #from}) every other query parameter left as a filter. A limit of 0 means "no limit"
 * where that is allowed.
 */
public record PageRequest(int limit, int offset, Map<String, String> filters) {
    public static final int DEFAULT_LIMIT = 50;

    /** A page with no filters. */
    public PageRequest(int limit, int offset) {
        this(limit, offset, Map.of());
    }

    /** A listing's query: limit ≥ 1 (default 50, no maximum), offset ≥ 0 (default 0), the rest filters. */
    public static PageRequest from(Map<String, String> query) {
        Map<String, String> filters = new LinkedHashMap<>(query);
        int limit = integer(filters.remove("limit"), "limit", DEFAULT_LIMIT, 1);
        int offset = integer(filters.remove("offset"), "offset", 0, 0);
        return new PageRequest(limit, offset, filters);
    }

    /** {@code /nodes}: limit ≥ 1 (default 50), offset ≥ 0 (default 0). */
    public static PageRequest paged(String limit, String offset) {
        return new PageRequest(integer(limit, "limit", DEFAULT_LIMIT, 1), integer(offset, "offset", 0, 0));
    }

    /** {@code /nodes/fast}: limit ≥ 0 (default 0 = all), offset ≥ 0. */
    public static PageRequest unpaged(String limit, String offset) {
        return new PageRequest(integer(limit, "limit", 0, 0), integer(offset, "offset", 0, 0));
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
