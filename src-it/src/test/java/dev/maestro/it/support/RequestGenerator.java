package dev.maestro.it.support;

import dev.maestro.json.Json;
import dev.maestro.testsupport.ApiClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Generates requests for one operation of an OpenAPI 3.0 document from its parameters' and
 * body's schemas: mostly values of the documented type, often values that break it (wrong
 * types, missing required properties, injection-shaped path segments, bodies that are not JSON
 * or not of the documented media type). Seeded, so a failing case can be sent again.
 */
public final class RequestGenerator {
    /** One generated request: a path relative to the API root with its query, and a body or null. */
    public record Generated(String method, String path, String contentType, String body) {
        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " [" + contentType + "] " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
    }

    private static final int DEPTH = 4;
    /**
     * Path segments and values that have broken routers and parsers before. A backslash in a path
     * ({@code %5C}) is refused by Payara's listener before the application sees it; the
     * http-edge filters answer it with a JSON 400, which this test found bare.
     */
    private static final List<String> HOSTILE = List.of("{}", "{\"$ne\":null}", "$where", "..", "%00", "a b", "ü", "💥", "'", "\"",
            "-1", "0", "99999999999999999999", "1e309", "NaN", "true", "null", "[]", "a".repeat(300), "ffffffffffffffffffffffff",
            "FFFFFFFFFFFFFFFFFFFFFFFF", "0000000000000000000000", "<script>", "%zz", "a/b", "?x=1", "#", "\\");

    private final Map<String, Object> document;
    private final Random random;

    public RequestGenerator(Map<String, Object> document, long seed) {
        this.document = document;
        this.random = new Random(seed);
    }

    /** A request for {@code method path} (the document's path template) as {@code operation} describes it. */
    public Generated request(String method, String path, Map<String, Object> operation) {
        String filled = path;
        List<String> query = new ArrayList<>();
        for (Object p : list(operation.get("parameters"))) {
            Map<String, Object> param = resolve(map(p));
            String name = (String) param.get("name");
            Map<String, Object> schema = resolve(map(param.get("schema")));
            if ("path".equals(param.get("in"))) {
                filled = filled.replace("{" + name + "}", encodePath(chance(4) ? hostile() : scalar(schema)));
            } else if ("query".equals(param.get("in")) && (Boolean.TRUE.equals(param.get("required")) ? !chance(8) : chance(2))) {
                query.add(ApiClient.enc(name) + "=" + ApiClient.enc(chance(4) ? hostile() : scalar(schema)));
            }
        }
        if (chance(6)) {
            // Undocumented query parameters: the node queries take any attribute as a filter.
            query.add(ApiClient.enc(word()) + "__" + pick(List.of("gt", "lt", "ne", "re", "in", "x")) + "=" + ApiClient.enc(hostile()));
        }
        String full = filled + (query.isEmpty() ? "" : "?" + String.join("&", query));
        Map<String, Object> content = map(map(operation.get("requestBody")).get("content"));
        if (content.isEmpty()) {
            return new Generated(method.toUpperCase(), full, null, null);
        }
        List<String> types = new ArrayList<>(content.keySet());
        String type = pick(types);
        Object value = value(resolve(map(map(content.get(type)).get("schema"))), 0, chance(3));
        String body = type.contains("form") ? form(value) : value instanceof String s && !type.contains("json") ? s : Json.write(value);
        switch (random.nextInt(12)) {
            case 0 -> body = pick(List.of("", "{", "[1,", "\"unterminated", "{\"a\":1}}", "\u0000", "{'single':1}"));
            case 1 -> type = pick(List.of("text/plain", "application/xml", "application/octet-stream", "application/json; charset=latin1"));
            case 2 -> type = null;
            default -> { }
        }
        return new Generated(method.toUpperCase(), full, type, body);
    }

    /** A JSON value of the schema; with {@code breakRules}, one whose properties may have the wrong type or be missing. */
    private Object value(Map<String, Object> schema, int depth, boolean breakRules) {
        if (breakRules && chance(5)) {
            return anyValue(depth);
        }
        for (String group : List.of("oneOf", "anyOf", "allOf")) {
            List<Object> options = list(schema.get(group));
            if (!options.isEmpty()) {
                return value(resolve(map(pick(options))), depth, breakRules);
            }
        }
        List<Object> choices = list(schema.get("enum"));
        if (!choices.isEmpty()) {
            return pick(choices);
        }
        String type = (String) schema.get("type");
        if (type == null) {
            type = schema.containsKey("properties") ? "object" : null;
        }
        if (type == null || depth >= DEPTH) {
            return depth >= DEPTH ? null : anyValue(depth);
        }
        return switch (type) {
            case "object" -> object(schema, depth, breakRules);
            case "array" -> {
                List<Object> items = new ArrayList<>();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    items.add(value(resolve(map(schema.get("items"))), depth + 1, breakRules));
                }
                yield items;
            }
            case "integer" -> integer(schema);
            case "number" -> chance(2) ? integer(schema) : random.nextGaussian() * 1000;
            case "boolean" -> random.nextBoolean();
            default -> string(schema);
        };
    }

    private Map<String, Object> object(Map<String, Object> schema, int depth, boolean breakRules) {
        Map<String, Object> object = new LinkedHashMap<>();
        List<Object> required = list(schema.get("required"));
        map(schema.get("properties")).forEach((name, property) -> {
            boolean isRequired = required.contains(name);
            if (isRequired ? !(breakRules && chance(4)) : chance(2)) {
                object.put(name, value(resolve(map(property)), depth + 1, breakRules));
            }
        });
        if (breakRules && chance(4)) {
            object.put(word(), anyValue(depth + 1));
        }
        return object;
    }

    private Object anyValue(int depth) {
        return switch (random.nextInt(depth >= DEPTH ? 5 : 7)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt();
            case 3 -> random.nextDouble();
            case 4 -> chance(2) ? hostile() : word();
            case 5 -> {
                List<Object> one = new ArrayList<>();
                one.add(anyValue(depth + 1));
                yield one;
            }
            default -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put(word(), anyValue(depth + 1));
                yield one;
            }
        };
    }

    /** A path or query value of the parameter's schema, as text. */
    private String scalar(Map<String, Object> schema) {
        Object v = value(schema, DEPTH - 1, false);
        return v instanceof String s ? s : String.valueOf(v);
    }

    private long integer(Map<String, Object> schema) {
        long min = schema.get("minimum") instanceof Number n ? n.longValue() : Integer.MIN_VALUE;
        long max = schema.get("maximum") instanceof Number n ? n.longValue() : Integer.MAX_VALUE;
        if (chance(3)) {
            return pick(List.of(min, max, min - 1, max + 1, 0L));
        }
        return min + (long) (random.nextDouble() * (max - min));
    }

    private String string(Map<String, Object> schema) {
        String format = String.valueOf(schema.get("format"));
        String pattern = String.valueOf(schema.get("pattern"));
        if (pattern.contains("a-f") || pattern.contains("A-F")) {
            return hex(24);
        }
        return switch (format) {
            case "email" -> word() + "@" + word() + ".example";
            case "date-time" -> "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T0" + random.nextInt(10) + ":00:00" + (chance(2) ? "Z" : "");
            case "date" -> "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
            case "uri" -> "https://" + word() + ".example/" + word();
            default -> chance(3) ? hex(24) : word();
        };
    }

    private String word() {
        StringBuilder s = new StringBuilder("fz");
        int n = 1 + random.nextInt(10);
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private String hex(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }

    private String hostile() {
        return pick(HOSTILE);
    }

    private static String encodePath(String segment) {
        // The server decodes the segment before routing, so an encoded "{}" reaches the filters as braces.
        return ApiClient.enc(segment).replace("+", "%20");
    }

    private String form(Object value) {
        if (!(value instanceof Map<?, ?> fields)) {
            return String.valueOf(value);
        }
        return fields.entrySet().stream()
                .map(e -> ApiClient.enc(String.valueOf(e.getKey())) + "=" + ApiClient.enc(String.valueOf(e.getValue())))
                .collect(Collectors.joining("&"));
    }

    private boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (!(ref instanceof String r) || !r.startsWith("#/")) {
            return schema;
        }
        Map<String, Object> node = document;
        for (String key : r.substring(2).split("/")) {
            node = map(node.get(key));
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
