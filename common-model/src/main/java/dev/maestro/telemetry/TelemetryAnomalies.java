package dev.maestro.telemetry;

import com.mongodb.client.model.Filters;
import dev.maestro.error.BadRequestException;
import dev.maestro.error.ValidationException;
import dev.maestro.time.Timestamps;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * KernelCI's anomaly report over a recent window: groups of job and test results (per runtime
 * and device type, or per device) whose infrastructure-error rate or failure rate reaches the
 * threshold, and runtimes with repeated submission errors or skips.
 *
 * @param window    one of {@code 1h 3h 6h 12h 24h 48h}
 * @param threshold the rate (0..1) from which a group is reported
 * @param minTotal  the fewest events a group needs to be considered
 * @param scope     {@code device_type} or {@code device}
 */
public record TelemetryAnomalies(String window, double threshold, int minTotal, String scope) {
    private static final Map<String, Integer> WINDOW_HOURS = windows();
    private static final DateTimeFormatter PYTHON_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    /** The parameters as given (null: the default), checked with KernelCI's codes: 400 for the window, 422 for the others. */
    public static TelemetryAnomalies of(String window, String threshold, String minTotal, String scope) {
        String w = window == null ? "6h" : window;
        if (!WINDOW_HOURS.containsKey(w)) {
            throw new BadRequestException("Invalid window '" + w + "'. Use: " + String.join(", ", WINDOW_HOURS.keySet()));
        }
        double t = threshold == null ? 0.5 : number(threshold, "threshold");
        if (t < 0 || t > 1) {
            throw ValidationException.of(t < 0 ? "greater_than_equal" : "less_than_equal",
                    t < 0 ? "Input should be greater than or equal to 0" : "Input should be less than or equal to 1", "query", "threshold");
        }
        int m = minTotal == null ? 3 : whole(minTotal);
        if (m < 1) {
            throw ValidationException.of("greater_than_equal", "Input should be greater than or equal to 1", "query", "min_total");
        }
        String s = scope == null ? "device_type" : scope;
        if (!s.equals("device_type") && !s.equals("device")) {
            throw ValidationException.of("string_pattern_mismatch", "String should match pattern '^(device_type|device)$'",
                    "query", "scope");
        }
        return new TelemetryAnomalies(w, t, m, s);
    }

    /** The report as KernelCI shapes it, over the window before {@code now}. */
    public Map<String, Object> report(TelemetryStore store, Instant now) {
        Instant since = now.minus(Duration.ofHours(WINDOW_HOURS.get(window)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("window", window);
        out.put("threshold", threshold);
        out.put("min_total", minTotal);
        out.put("scope", scope);
        out.put("since", PYTHON_ISO.format(OffsetDateTime.ofInstant(since, ZoneOffset.UTC)));
        out.put("result_anomalies", resultAnomalies(store, since));
        out.put("error_anomalies", errorAnomalies(store, since));
        return out;
    }

    private List<Map<String, Object>> resultAnomalies(TelemetryStore store, Instant since) {
        boolean byDevice = scope.equals("device");
        List<String> keys = byDevice ? List.of("runtime", "lab", "device_type", "device_id") : List.of("runtime", "lab", "device_type");
        Bson filter = byDevice
                ? Filters.and(Filters.eq("kind", "job_result"), TelemetryStore.since(since), Filters.nin("device_id", null, ""))
                : Filters.and(Filters.in("kind", "job_result", "test_result"), TelemetryStore.since(since));
        Map<List<Object>, Group> groups = new LinkedHashMap<>();
        for (Document event : store.newestFirst(filter, keys)) {
            List<Object> key = new ArrayList<>();
            keys.forEach(k -> key.add(event.get(TelemetryQuery.storedField(k))));
            groups.computeIfAbsent(key, k -> new Group(event)).counts.add(event);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        groups.entrySet().stream()
                .filter(e -> e.getValue().counts.total >= minTotal)
                .filter(e -> e.getValue().counts.infraRate() >= threshold || e.getValue().counts.failRate() >= threshold)
                .sorted(Comparator.comparingDouble((Map.Entry<List<Object>, Group> e) -> e.getValue().counts.infraRate()).reversed()
                        .thenComparing(Comparator.comparingDouble((Map.Entry<List<Object>, Group> e) -> e.getValue().counts.failRate())
                                .reversed()))
                .forEach(e -> rows.add(row(keys, e.getKey(), e.getValue())));
        return rows;
    }

    private static Map<String, Object> row(List<String> keys, List<Object> values, Group group) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            row.put(keys.get(i), values.get(i));
        }
        ResultCounts c = group.counts;
        c.appendTo(row);
        row.put("infra_rate", rounded(c.infraRate()));
        row.put("fail_rate", rounded(c.failRate()));
        row.put("constant_failure", c.pass == 0 && c.fail + c.incomplete == c.total);
        row.put("constant_infra_failure", c.infraError == c.total);
        row.put("last_seen", group.newest.get("ts") instanceof Date d ? Timestamps.format(d) : null);
        row.put("latest_error_type", group.newest.get("error_type"));
        row.put("latest_error_msg", group.newest.get("error_msg"));
        return row;
    }

    private List<Map<String, Object>> errorAnomalies(TelemetryStore store, Instant since) {
        Map<List<Object>, Long> counts = new LinkedHashMap<>();
        Bson filter = Filters.and(Filters.in("kind", "runtime_error", "job_skip"), TelemetryStore.since(since));
        for (Document event : store.newestFirst(filter, List.of("runtime"))) {
            counts.merge(java.util.Arrays.asList(event.get("runtime"), event.get("error_type")), 1L, Long::sum);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.entrySet().stream().filter(e -> e.getValue() >= minTotal)
                .sorted(Map.Entry.<List<Object>, Long>comparingByValue().reversed())
                .forEach(e -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("runtime", e.getKey().get(0));
                    row.put("error_type", e.getKey().get(1));
                    row.put("count", e.getValue());
                    rows.add(row);
                });
        return rows;
    }

    private static double rounded(double rate) {
        return BigDecimal.valueOf(rate).setScale(3, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static double number(String text, String name) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw ValidationException.of("float_parsing", "Input should be a valid number, unable to parse string as a number",
                    "query", name);
        }
    }

    private static int whole(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ValidationException.of("int_parsing", "Input should be a valid integer, unable to parse string as an integer",
                    "query", "min_total");
        }
    }

    private static Map<String, Integer> windows() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int hours : new int[] {1, 3, 6, 12, 24, 48}) {
            m.put(hours + "h", hours);
        }
        return m;
    }

    /** A group's counts and its newest event (events come newest first). */
    private static final class Group {
        final ResultCounts counts = new ResultCounts();
        final Document newest;

        Group(Document newest) {
            this.newest = newest;
        }
    }
}
