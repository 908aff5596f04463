package dev.maestro.it;

import static dev.maestro.it.support.NodeBodies.checkout;
import static dev.maestro.it.support.NodeBodies.list;
import static dev.maestro.it.support.NodeBodies.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.node.query.NodeQueryCases;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.it.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The query language over HTTP, on four nodes seeded once in a group of their own (every query
 * also filters on that group, so other tests' nodes never interfere).
 */
public interface NodeQueryContract extends ApiContract {

    /** The seeded nodes, created on first use. */
    final class Seed {
        private static String group;
        private static Map<String, String> ids;

        private Seed() {
        }

        static synchronized String group(ApiClient admin) {
            if (group == null) {
                group = TestUsers.unique("query");
                Map<String, Object> alpha = checkout("alpha", group);
                alpha.put("created", "2024-01-01T00:00:00");
                @SuppressWarnings("unchecked")
                Map<String, Object> data = (Map<String, Object>) alpha.get("data");
                @SuppressWarnings("unchecked")
                Map<String, Object> revision = (Map<String, Object>) data.get("kernel_revision");
                revision.put("version", map("version", "6", "patchlevel", "1"));
                data.putAll(map("count", 5, "label", "5", "flag", true));
                String alphaId = create(admin, alpha);
                String betaId = create(admin, map("kind", "kbuild", "name", "beta-123", "path", list("checkout", "kbuild"),
                        "group", group, "parent", alphaId, "created", "2024-02-01T00:00:00Z", "retry_counter", 2,
                        "state", "done", "result", "pass", "holdoff", "2024-02-02T00:00:00",
                        "data", map("count", 10, "label", "x", "arch", "x86_64")));
                String n123 = create(admin, map("kind", "test", "name", "123", "path", list("checkout", "kbuild", "123"),
                        "group", group, "parent", betaId, "created", "2024-03-01T00:00:00+00:00", "retry_counter", 1,
                        "state", "available", "result", "fail", "data", map("count", "7", "arch", "arm64")));
                String gammaId = create(admin, map("kind", "job", "name", "gamma", "path", list("checkout"), "group", group,
                        "parent", alphaId, "created", "2024-03-01 12:00:00", "state", "closing", "result", "incomplete",
                        "processed_by_kcidb_bridge", true));
                ids = Map.of("alpha", alphaId, "beta", betaId, "123", n123, "gamma", gammaId);
            }
            return group;
        }

        static String id(String name) {
            return ids.get(name);
        }

        private static String create(ApiClient admin, Map<String, Object> body) {
            ApiResponse r = admin.post("/latest/node", body);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            return (String) r.map().get("id");
        }
    }

    static Stream<Arguments> queries() {
        Stream<Arguments> onlyHere = Stream.of(
                Arguments.of("name__re=a$", list("alpha", "gamma")),
                Arguments.of("data.count__lte=5", list("alpha")),
                Arguments.of("kind=job&kind=checkout", list("alpha")));
        return Stream.concat(NodeQueryCases.shared(), onlyHere);
    }

    /** Appends the seed's group and substitutes {alpha}-style ids; values are URL-encoded. */
    default String queryString(String query) {
        List<String> parts = new ArrayList<>();
        parts.add("group=" + ApiClient.enc(Seed.group(admin())));
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String value = pair.substring(eq + 1);
                for (String name : List.of("alpha", "beta", "123", "gamma")) {
                    value = value.replace("{" + name + "}", Seed.id(name));
                }
                parts.add(pair.substring(0, eq) + "=" + ApiClient.enc(value));
            }
        }
        return String.join("&", parts);
    }

    @ParameterizedTest(name = "[{index}] ?{0}")
    @MethodSource("dev.maestro.it.NodeQueryContract#queries")
    default void everyOperatorThroughHttp(String query, List<String> expected) {
        String q = queryString(query);
        ApiResponse page = api().get("/latest/nodes?" + q);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.map().get("items");
        assertThat(items).extracting(n -> n.get("name")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(page.map()).containsEntry("total", expected.size());
        assertThat(api().get("/latest/nodes/fast?" + q).list()).hasSize(expected.size());
        assertThat(api().get("/latest/count?" + q).json()).isEqualTo(expected.size());
    }

    @Test
    default void sortLimitAndOffsetOrderAndSliceTheMatches() {
        ApiResponse byCreated = api().get("/latest/nodes?" + queryString("sort=-created"));
        assertThat(names(byCreated)).containsExactly("gamma", "123", "beta-123", "alpha");
        ApiResponse byName = api().get("/latest/nodes?" + queryString("sort=name&limit=2&offset=1"));
        assertThat(names(byName)).containsExactly("alpha", "beta-123");
        assertThat(byName.map()).containsEntry("total", 4).containsEntry("limit", 2).containsEntry("offset", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fast = api().get("/latest/nodes/fast?" + queryString("sort=retry_counter,-name")).list()
                .stream().map(n -> (Map<String, Object>) n).toList();
        assertThat(fast).extracting(n -> n.get("name")).containsExactly("gamma", "alpha", "123", "beta-123");
    }

    /**
     * Without {@code sort}, the database's natural order, as KernelCI's: on the embedded database,
     * which keeps documents by id, creation order, and {@code offset} pages through it.
     */
    @Test
    default void withoutSortNodesComeInCreationOrder() {
        assertThat(names(api().get("/latest/nodes?" + queryString("")))).containsExactly("alpha", "beta-123", "123", "gamma");
        assertThat(names(api().get("/latest/nodes?" + queryString("limit=2&offset=1")))).containsExactly("beta-123", "123");
        assertThat(names(api().get("/latest/nodes?" + queryString("kind__ne=checkout&limit=2")))).containsExactly("beta-123", "123");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> names(ApiResponse page) {
        return ((List<Map<String, Object>>) page.map().get("items")).stream().map(n -> n.get("name")).toList();
    }
}
