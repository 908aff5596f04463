package dev.maestro.node.query;

import com.mongodb.client.model.Filters;
import dev.maestro.error.BadRequestException;
import dev.maestro.store.Ids;
import dev.maestro.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Translates query parameters into a MongoDB filter (KernelCI's query language, with typed
 * values instead of its 500s).
 *
 * <ul>
 * <li>Each parameter is a condition, all must hold. {@code field__op} with one {@code __} names an
 * operator; a key with more {@code __} is a literal field name.
 * <li>Values are typed by field ({@link NodeFields}, {@link FieldType}); {@code null} is null for
 * {@code =} (null or missing), {@code __ne} (present and not null) and inside {@code __in}/{@code __nin}.
 * <li>{@code lt lte gt gte ne} compare typed values; {@code re} is an unanchored, case-sensitive
 * regular expression (string and untyped fields only); {@code in}/{@code nin} take a comma-separated
 * list, each element typed; {@code __int} is equality with an integer.
 * <li>{@code parent=null} finds roots. {@code id} addresses {@code _id}.
 * <li>Every mistake (unknown operator, bad date, integer, id, boolean or regex, field name
 * starting with {@code $}) is a 400 with a detail; nothing here ever fails with a 500.
 * </ul>
 */
public final class NodeFilter {
    /** Parameters that are not filters. */
    public static final Set<String> RESERVED = Set.of("limit", "offset", "sort");

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");

    private NodeFilter() {
    }

    /** The filter for all parameters except {@link #RESERVED} ones. */
    public static Bson parse(Map<String, String> params) {
        List<Bson> conditions = new ArrayList<>();
        params.forEach((key, value) -> {
            if (!RESERVED.contains(key)) {
                conditions.add(condition(key, value));
            }
        });
        if (conditions.isEmpty()) {
            return new Document();
        }
        return conditions.size() == 1 ? conditions.get(0) : Filters.and(conditions);
    }

    static Bson condition(String key, String raw) {
        String[] parts = key.split("__", -1);
        if (parts.length != 2) {
            return condition(key, Operator.EQ, raw);
        }
        String suffix = parts[1];
        Operator op = Operator.ofSuffix(suffix).orElseThrow(() -> new BadRequestException(
                "Unsupported operator '" + suffix + "' in '" + key + "' (use lt, lte, gt, gte, ne, re, in, nin or int)"));
        return condition(parts[0], op, raw);
    }

    /**
     * One condition on one field, the value as query text: what {@code field__op=raw} means.
     * {@link NodeCriteria} builds its conditions here too, so both mean the same.
     */
    static Bson condition(String field, Operator op, String raw) {
        if (!NodeFields.isValidName(field)) {
            throw new BadRequestException("Invalid field name in query: '" + field + "'");
        }
        String name = NodeFields.storedName(field);
        FieldType type = NodeFields.typeOf(field);
        String value = raw == null ? "" : raw;
        boolean isNull = value.equals("null");
        return switch (op) {
            case EQ -> isNull ? Filters.eq(name, null) : equal(name, field, type, value);
            case NE -> isNull ? Filters.ne(name, null) : notEqual(name, field, type, value);
            case LT -> Filters.lt(name, rangeValue(field, type, op, value));
            case LTE -> Filters.lte(name, rangeValue(field, type, op, value));
            case GT -> Filters.gt(name, rangeValue(field, type, op, value));
            case GTE -> Filters.gte(name, rangeValue(field, type, op, value));
            case RE -> Filters.regex(name, regex(field, type, value));
            case IN -> Filters.in(name, listValues(field, type, value));
            case NIN -> Filters.nin(name, listValues(field, type, value));
            case INT -> Filters.eq(name, integer(field, value));
        };
    }

    private static Bson equal(String name, String field, FieldType type, String value) {
        List<Object> candidates = candidates(field, type, value);
        return candidates.size() == 1 ? Filters.eq(name, candidates.get(0)) : Filters.in(name, candidates);
    }

    private static Bson notEqual(String name, String field, FieldType type, String value) {
        List<Object> candidates = candidates(field, type, value);
        return candidates.size() == 1 ? Filters.ne(name, candidates.get(0)) : Filters.nin(name, candidates);
    }

    /** The stored values a query value stands for: one, or a number and its text for untyped fields. */
    private static List<Object> candidates(String field, FieldType type, String value) {
        if (type != FieldType.UNTYPED) {
            return List.of(typed(field, type, value));
        }
        Optional<Boolean> bool = bool(value);
        if (bool.isPresent()) {
            return List.of(bool.get());
        }
        Optional<Long> number = untypedInteger(value);
        return number.isPresent() ? List.of(number.get(), value) : List.of(value);
    }

    private static Object rangeValue(String field, FieldType type, Operator op, String value) {
        if (value.equals("null")) {
            throw new BadRequestException("Operator '" + op.suffix() + "' cannot compare '" + field + "' with null");
        }
        if (type == FieldType.UNTYPED) {
            return untypedInteger(value).<Object>map(n -> n).orElse(value);
        }
        return typed(field, type, value);
    }

    private static List<Object> listValues(String field, FieldType type, String value) {
        List<Object> out = new ArrayList<>();
        for (String element : value.split(",", -1)) {
            if (element.equals("null")) {
                out.add(null);
            } else if (type == FieldType.UNTYPED) {
                untypedInteger(element).ifPresent(out::add);
                out.add(element);
            } else {
                out.add(typed(field, type, element));
            }
        }
        return out;
    }

    private static String regex(String field, FieldType type, String value) {
        if (type != FieldType.STRING && type != FieldType.UNTYPED) {
            throw new BadRequestException("Operator 're' is not supported on field '" + field + "' (not a string)");
        }
        try {
            Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new BadRequestException("Invalid regular expression for '" + field + "': "
                    + e.getDescription() + " near index " + e.getIndex() + " of '" + value + "'");
        }
        return value;
    }

    private static Object typed(String field, FieldType type, String value) {
        return switch (type) {
            case STRING, UNTYPED -> value;
            case INTEGER -> integer(field, value);
            case BOOLEAN -> bool(value).orElseThrow(() -> new BadRequestException(
                    "Invalid boolean for '" + field + "': '" + value + "' (expected true or false)"));
            case OBJECT_ID -> objectId(value);
            case DATE -> date(value);
        };
    }

    private static long integer(String field, String value) {
        if (!INTEGER.matcher(value.trim()).matches()) {
            throw new BadRequestException("Invalid integer for '" + field + "': '" + value + "'");
        }
        return Long.parseLong(value.trim());
    }

    private static ObjectId objectId(String value) {
        return Ids.parse(value);
    }

    private static Date date(String value) {
        Instant instant = Timestamps.parse(value)
                .orElseThrow(() -> new BadRequestException("Invalid isoformat string: '" + value + "'"));
        return Date.from(instant);
    }

    private static Optional<Boolean> bool(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.equals("true") ? Optional.of(true) : v.equals("false") ? Optional.of(false) : Optional.empty();
    }

    private static Optional<Long> untypedInteger(String value) {
        return INTEGER.matcher(value).matches() ? Optional.of(Long.parseLong(value)) : Optional.empty();
    }
}
