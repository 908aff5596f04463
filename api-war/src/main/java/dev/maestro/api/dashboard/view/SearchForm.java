package dev.maestro.api.dashboard.view;

import dev.maestro.error.BadRequestException;
import dev.maestro.node.Node;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The search page's form turned into the query parameters of {@code GET /latest/nodes}, so the
 * page means exactly what the API's query language means: tree and branch are
 * {@code data.kernel_revision.*}, a commit prefix is an anchored {@code __re}, the dates bound
 * {@code created}, and {@code q} adds raw {@code field__op=value} pairs in the API's syntax.
 */
public final class SearchForm {
    public static final List<String> FIELDS = List.of("tree", "branch", "commit", "kind", "name", "result", "state",
            "platform", "from", "to", "q");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,40}");

    private SearchForm() {
    }

    /** The form's values (every field, empty when not given). */
    public static Map<String, String> values(Map<String, String> params) {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(f -> form.put(f, params.getOrDefault(f, "").trim()));
        return form;
    }

    /** Whether any field is filled: an empty form shows no results yet. */
    public static boolean filled(Map<String, String> form) {
        return form.values().stream().anyMatch(v -> !v.isEmpty());
    }

    /** The node query parameters; 400 for a commit that is not hex, a bad date or a malformed {@code q}. */
    public static Map<String, String> query(Map<String, String> form) {
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "data.kernel_revision.tree", form.get("tree"));
        put(query, "data.kernel_revision.branch", form.get("branch"));
        String commit = form.get("commit");
        if (!commit.isEmpty()) {
            if (!HEX.matcher(commit).matches()) {
                throw new BadRequestException("A commit prefix is 1 to 40 hexadecimal digits: " + commit);
            }
            query.put("data.kernel_revision.commit__re", "^" + commit.toLowerCase(java.util.Locale.ROOT));
        }
        for (String field : List.of("kind", "name", "result", "state")) {
            put(query, field, form.get(field));
        }
        put(query, "data.platform", form.get("platform"));
        if (!form.get("from").isEmpty()) {
            query.put("created__gte", date(form.get("from")) + "T00:00:00");
        }
        if (!form.get("to").isEmpty()) {
            query.put("created__lt", date(form.get("to")).plusDays(1) + "T00:00:00");
        }
        query.putAll(raw(form.get("q")));
        return query;
    }

    /** Where a found node is best shown: a checkout on its own page, anything else on the node page. */
    public static String href(String base, Node node) {
        String page = CheckoutView.CHECKOUT_KIND.equals(node.kind()) ? "/checkout/" : "/node/";
        return base + page + node.id().toHexString();
    }

    private static Map<String, String> raw(String q) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (q.isEmpty()) {
            return pairs;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new BadRequestException("A query is field=value pairs joined by &, as in /latest/nodes: " + pair);
            }
            String name = decode(pair.substring(0, eq).trim());
            if (List.of("limit", "offset").contains(name)) {
                continue;
            }
            pairs.put(name, decode(pair.substring(eq + 1).trim()));
        }
        return pairs;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Malformed escape in the query: " + text);
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("A date is YYYY-MM-DD: " + text);
        }
    }

    private static void put(Map<String, String> query, String field, String value) {
        if (value != null && !value.isEmpty()) {
            query.put(field, value);
        }
    }
}
