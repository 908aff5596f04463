package dev.maestro.telemetry;

import com.mongodb.client.model.Filters;
import dev.maestro.error.BadRequestException;
import dev.maestro.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * The filters of {@code GET /telemetry} and {@code /telemetry/stats}, as KernelCI reads them:
 * every parameter an exact match ({@code is_infra_error} a boolean, {@code retry} an integer,
 * the rest text), {@code since}/{@code until} a range on {@code ts}.
 */
public final class TelemetryQuery {
    /** What {@code /telemetry/stats} may group by; {@code lab} is KernelCI's other name for {@code runtime}. */
    static final Set<String> GROUP_FIELDS = Set.of("runtime", "lab", "device_type", "device_id", "job_name", "tree", "branch",
            "arch", "kind", "error_type");
    /** What {@code /telemetry/stats} filters on (others are ignored there, as upstream). */
    private static final List<String> STATS_FILTERS = List.of("kind", "runtime", "device_type", "device_id", "job_name", "tree",
            "branch", "arch");
    private static final Pattern FIELD = Pattern.compile("[^.$\\x00]+(\\.[^.$\\x00]+)*");

    private TelemetryQuery() {
    }

    static String storedField(String field) {
        return "lab".equals(field) ? "runtime" : field;
    }

    /** The filter of {@code GET /telemetry}: {@code filters} are the query without {@code limit}/{@code offset}. */
    public static Bson find(Map<String, String> filters) {
        Map<String, String> rest = new LinkedHashMap<>(filters);
        List<Bson> conditions = new ArrayList<>(timeRange(rest.remove("since"), rest.remove("until")));
        rest.forEach((field, value) -> conditions.add(equality(field, value)));
        return conditions.isEmpty() ? new Document() : Filters.and(conditions);
    }

    /** {@code group_by}, checked: a comma-separated list of {@link #GROUP_FIELDS}. */
    public static List<String> groupBy(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new BadRequestException("'group_by' parameter is required");
        }
        List<String> fields = new ArrayList<>();
        for (String f : raw.split(",")) {
            fields.add(f.trim());
        }
        Set<String> invalid = new TreeSet<>(fields);
        invalid.removeAll(GROUP_FIELDS);
        if (!invalid.isEmpty()) {
            throw new BadRequestException("Invalid group_by fields: {" + String.join(", ", invalid.stream().map(f -> "'" + f + "'")
                    .toList()) + "}");
        }
        return fields;
    }

    /** The filter of {@code /telemetry/stats}: its equality fields, {@code lab} for {@code runtime}, and the time range. */
    public static Bson stats(Map<String, String> params) {
        Map<String, String> match = new LinkedHashMap<>();
        for (String field : STATS_FILTERS) {
            String value = params.get(field);
            if (value != null && !value.isEmpty()) {
                match.put(field, value);
            }
        }
        String lab = params.get("lab");
        if (lab != null && !lab.isEmpty()) {
            String runtime = match.get("runtime");
            if (runtime != null && !runtime.equals(lab)) {
                throw new BadRequestException("'lab' and 'runtime' must match when both are provided");
            }
            match.put("runtime", lab);
        }
        List<Bson> conditions = new ArrayList<>(timeRange(params.get("since"), params.get("until")));
        match.forEach((field, value) -> conditions.add(Filters.eq(field, value)));
        return conditions.isEmpty() ? new Document() : Filters.and(conditions);
    }

    private static Bson equality(String field, String value) {
        if (!FIELD.matcher(field).matches()) {
            throw new BadRequestException("Invalid filter field: '" + field + "'");
        }
        return switch (field) {
            case "id" -> Filters.eq("_id", ObjectId.isValid(value) ? new ObjectId(value) : value);
            case "is_infra_error" -> Filters.eq(field, bool(value));
            case "retry" -> Filters.eq(field, integer(value));
            default -> Filters.eq(field, value);
        };
    }

    private static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRequestException("Bad is_infra_error value, use 'true' or 'false'");
        };
    }

    private static long integer(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("Bad retry value, use an integer: '" + value + "'");
        }
    }

    private static List<Bson> timeRange(String since, String until) {
        List<Bson> range = new ArrayList<>();
        if (since != null && !since.isEmpty()) {
            range.add(Filters.gte("ts", Date.from(instant("since", since))));
        }
        if (until != null && !until.isEmpty()) {
            range.add(Filters.lte("ts", Date.from(instant("until", until))));
        }
        return range;
    }

    private static Instant instant(String name, String value) {
        return Timestamps.parse(value).orElseThrow(() -> new BadRequestException(
                "Bad " + name + " value, use an ISO 8601 date and time: '" + value + "'"));
    }
}
