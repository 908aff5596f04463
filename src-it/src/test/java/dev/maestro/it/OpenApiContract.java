package dev.maestro.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document describes the API as served: no generator defaults that make
 * valid answers invalid, unique operation ids, the two real prefixes as servers, the error
 * statuses the HTTP layer adds, and the shapes the endpoints really answer with.
 */
public interface OpenApiContract extends ApiContract {
    Set<String> NOISE = Set.of("exclusiveMaximum", "exclusiveMinimum", "maxProperties", "minProperties", "minLength",
            "uniqueItems", "nullable", "readOnly", "writeOnly", "deprecated");
    Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    private Map<String, Object> document() {
        ApiResponse r = api().get("/openapi?format=json");
        assertThat(r.status()).isEqualTo(200);
        return r.map();
    }

    @Test
    default void noSchemaCarriesGeneratorDefaultsOrFormatsNotServed() {
        List<String> problems = new ArrayList<>();
        walk(document(), "#", problems);
        assertThat(problems).isEmpty();
    }

    @Test
    default void operationIdsAndTagsAreUniqueAndServersAreThePrefixes() {
        Map<String, Object> doc = document();
        List<Object> ids = new ArrayList<>();
        operations(doc).forEach((where, op) -> ids.add(op.get("operationId")));
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates().hasSizeGreaterThan(40);
        List<Object> urls = new ArrayList<>();
        ((List<?>) doc.get("servers")).forEach(server -> urls.add(at(server).get("url")));
        assertThat(urls).containsExactly("/latest", "/");
        List<Object> tags = new ArrayList<>();
        ((List<?>) doc.get("tags")).forEach(tag -> tags.add(at(tag).get("name")));
        assertThat(tags).doesNotHaveDuplicates();
    }

    @Test
    default void errorStatusesOfTheHttpLayerAreDocumented() {
        operations(document()).forEach((where, op) -> {
            Map<String, Object> responses = at(op, "responses");
            if (op.get("security") != null) {
                assertThat(responses).as(where).containsKey("401");
            }
            if (op.get("requestBody") != null && at(op, "requestBody", "content").containsKey("application/json")) {
                assertThat(responses).as(where).containsKeys("400", "413", "415", "422");
            }
        });
    }

    @Test
    default void shapesAreTheServedOnes() {
        Map<String, Object> doc = document();
        Map<String, Map<String, Object>> ops = operations(doc);
        for (String op : List.of("get /count", "put /batch/nodeset")) {
            assertThat(at(ops.get(op), "responses", "200", "content", "application/json", "schema")).as(op)
                    .containsEntry("type", "integer").doesNotContainKeys("properties", "required");
        }
        for (String op : List.of("post /user/forgot-password", "post /user/reset-password")) {
            Map<String, Object> schema = resolve(doc, at(ops.get(op), "requestBody", "content", "application/json", "schema"));
            assertThat(at(schema, "properties")).as(op).isNotEmpty();
        }
        Map<String, Object> pageItems = at(doc, "components", "schemas", "NodePage", "properties", "items");
        assertThat(pageItems).containsEntry("type", "array");
        assertThat(resolve(doc, at(pageItems, "items"))).as("a page holds nodes").containsEntry("type", "object");
        for (String list : List.of("path", "jobfilter", "platform_filter", "user_groups")) {
            assertThat(at(doc, "components", "schemas", "Node", "properties", list, "items")).as(list).containsEntry("type", "string");
        }
    }

    @Test
    default void formsAndParametersAreTypedAsEnforced() {
        Map<String, Object> doc = document();
        Map<String, Map<String, Object>> ops = operations(doc);
        Map<String, List<String>> forms = Map.of("post /user/login", List.of("username", "password"),
                "post /user/update-password", List.of("username", "password", "new_password"));
        forms.forEach((op, fields) -> {
            Map<String, Object> content = at(ops.get(op), "requestBody", "content");
            assertThat(content).as(op).containsOnlyKeys("application/x-www-form-urlencoded");
            Map<String, Object> form = resolve(doc, at(content, "application/x-www-form-urlencoded", "schema"));
            assertThat(at(form, "properties")).as(op).containsKeys(fields.toArray(String[]::new));
            assertThat(new ArrayList<Object>((List<?>) form.get("required"))).as(op).containsExactlyInAnyOrderElementsOf(fields);
        });
        assertThat(parameter(ops.get("get /listen/{sub_id}"), "sub_id")).containsEntry("type", "integer");
        assertThat(parameter(ops.get("post /unsubscribe/{sub_id}"), "sub_id")).containsEntry("type", "integer");
        assertThat(parameter(ops.get("post /subscribe/{channel}"), "promisc")).containsEntry("type", "boolean");
        for (String op : List.of("get /node/{id}", "put /node/{id}", "patch /node/{id}", "put /nodes/{id}", "get /user/{id}",
                "patch /user/{id}", "delete /user/{id}", "get /group/{id}", "delete /group/{id}", "get /user-groups/{id}",
                "delete /user-groups/{id}")) {
            assertThat(parameter(ops.get(op), "id")).as(op).containsEntry("type", "string").containsEntry("pattern", "^[0-9a-fA-F]{24}$");
        }
    }

    private static Map<String, Object> parameter(Map<String, Object> op, String name) {
        for (Object p : (List<?>) op.get("parameters")) {
            if (name.equals(at(p).get("name"))) {
                return at(p, "schema");
            }
        }
        throw new AssertionError("no parameter " + name);
    }

    private static Map<String, Object> resolve(Map<String, Object> doc, Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        return ref == null ? schema : at(doc, "components", "schemas", ((String) ref).substring("#/components/schemas/".length()));
    }

    /** The object at the end of the keys, an empty one if there is none. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Object root, String... keys) {
        Object node = root;
        for (String key : keys) {
            node = node instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
    }

    /** "get /node/{id}" → its operation. */
    private static Map<String, Map<String, Object>> operations(Map<String, Object> doc) {
        Map<String, Map<String, Object>> ops = new LinkedHashMap<>();
        at(doc, "paths").forEach((path, item) -> at(item).forEach((method, op) -> {
            if (METHODS.contains(method)) {
                ops.put(method + " " + path, at(op));
            }
        }));
        return ops;
    }

    private static void walk(Object node, String where, List<String> problems) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                Object v = e.getValue();
                boolean isDefault = Boolean.FALSE.equals(v) || Integer.valueOf(0).equals(v);
                if (NOISE.contains(key) && isDefault && !where.endsWith("/properties")) {
                    problems.add(where + "/" + key + ": " + v);
                }
                if ("format".equals(key) && "date-time".equals(v)) {
                    problems.add(where + ": date-time, but timestamps are served without an offset");
                }
                if ("type".equals(key) && v instanceof String t && !"object".equals(t)
                        && (map.containsKey("properties") || map.containsKey("required"))) {
                    problems.add(where + ": a " + t + " with properties or required");
                }
                if ("items".equals(key) && v instanceof Map<?, ?> items && "array".equals(items.get("type")) && !items.containsKey("items")) {
                    problems.add(where + ": an array of arrays of nothing");
                }
                walk(v, where + "/" + key, problems);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), where + "/" + i, problems);
            }
        }
    }
}
