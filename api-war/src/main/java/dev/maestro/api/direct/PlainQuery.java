package dev.maestro.api.direct;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A query string that needs no decoding: every parameter {@code name=value}, of characters that
 * stand for themselves (no {@code %}, no {@code +}, which would be a space). Such a query reads
 * the same as JAX-RS's decoded parameters, a repeated name keeping its place and its last value.
 */
final class PlainQuery {
    /** RFC 3986's unreserved characters and the delimiters that mean nothing else in a query Jersey decodes. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._~!$'()*,:@/?=&-]*");

    private PlainQuery() {
    }

    /** The parameters in their order (none without a query); empty for a query that is not plain. */
    static Optional<Map<String, String>> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null) {
            return Optional.of(parameters);
        }
        if (query.isEmpty() || !PLAIN.matcher(query).matches()) {
            return Optional.empty();
        }
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                return Optional.empty();
            }
            parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return Optional.of(parameters);
    }
}
