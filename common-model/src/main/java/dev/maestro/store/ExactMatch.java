package dev.maestro.store;

import dev.maestro.error.BadRequestException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The filter of KernelCI's simple listings ({@code /users}, {@code /user-groups}): every query
 * parameter is an exact match on the stored document; {@code true}/{@code false} (any case) are
 * booleans and {@code id} is the document's {@code _id}.
 */
public final class ExactMatch {
    /** Dotted paths of plain names: no {@code $} (a query operator such as {@code $where}), no empty step. */
    private static final Pattern FIELD = Pattern.compile("[^.$\\x00]+(\\.[^.$\\x00]+)*");

    private ExactMatch() {
    }

    public static Document filter(Map<String, String> query) {
        Document filter = new Document();
        query.forEach((field, value) -> {
            if (!FIELD.matcher(field).matches()) {
                throw new BadRequestException("Invalid filter field: '" + field + "'");
            }
            if ("id".equals(field)) {
                // A malformed id names no document: match nothing rather than fail the listing.
                filter.append("_id", ObjectId.isValid(value) ? new ObjectId(value) : value);
            } else {
                filter.append(field, typed(value));
            }
        });
        return filter;
    }

    private static Object typed(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> value;
        };
    }
}
