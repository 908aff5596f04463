package dev.maestro.node.query;

import dev.maestro.error.ValidationException;

/**
 * {@code limit} and {@code offset} of a listing. Malformed or out-of-range values are 422, as
 * FastAPI's query validation answers. A limit of 0 means "no limit" where that is allowed.
 */
public record PageRequest(int limit, int offset) {
    public static final int DEFAULT_LIMIT = 50;

    /** {@code /nodes}: limit ≥ 1 (default 50), offset ≥ 0 (default 0). */
    public static PageRequest paged(String limit, String offset) {
        return new PageRequest(read("limit", limit, DEFAULT_LIMIT, 1), read("offset", offset, 0, 0));
    }

    /** {@code /nodes/fast}: limit ≥ 0 (default 0 = all), offset ≥ 0. */
    public static PageRequest unpaged(String limit, String offset) {
        return new PageRequest(read("limit", limit, 0, 0), read("offset", offset, 0, 0));
    }

    private static int read(String name, String raw, int absent, int min) {
        if (raw == null) {
            return absent;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ValidationException.of("int_parsing", "Input should be a valid integer, unable to parse string as an integer",
                    "query", name);
        }
        if (value < min) {
            throw ValidationException.of("greater_than_equal", "Input should be greater than or equal to " + min, "query", name);
        }
        return value;
    }
}
