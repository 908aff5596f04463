package dev.maestro.node.query;

import static dev.maestro.node.TestNodes.list;
import static dev.maestro.node.TestNodes.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.error.BadRequestException;
import dev.maestro.error.ValidationException;
import dev.maestro.node.Node;
import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeState;
import dev.maestro.node.NodeCache;
import dev.maestro.node.NodeStore;
import dev.maestro.store.PageRequest;
import dev.maestro.testing.LocalBackends;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The query language run against a real MongoDB-wire server: each case is a query string and
 * the names of the nodes it must find (order-insensitive unless the case sorts).
 */
class NodeQueryTest {
    private static final ObjectId ALPHA = new ObjectId("65a000000000000000000001");
    private static final ObjectId BETA = new ObjectId("65a000000000000000000002");
    private static final ObjectId N123 = new ObjectId("65a000000000000000000003");
    private static final ObjectId GAMMA = new ObjectId("65a000000000000000000004");

    private static LocalBackends backends;
    private static NodeStore store;

    @BeforeAll
    static void seed() {
        backends = new LocalBackends();
        store = new NodeStore(backends.mongo().database(), new NodeCache(backends.redis()));
        NodeStore.createIndexes(backends.mongo().database());
        insert(node(ALPHA, "checkout", "alpha", NodeState.RUNNING, null, 0, "2024-01-01T00:00:00Z", null)
                .data(map("kernel_revision", map("tree", "mainline", "version", map("version", 6, "patchlevel", 1)),
                        "count", 5, "label", "5", "flag", true)));
        insert(node(BETA, "kbuild", "beta-123", NodeState.DONE, NodeResult.PASS, 2, "2024-02-01T00:00:00Z", ALPHA)
                .holdoff(Instant.parse("2024-02-02T00:00:00Z")).path(List.of("checkout", "kbuild"))
                .data(map("count", 10, "label", "x", "arch", "x86_64")));
        insert(node(N123, "test", "123", NodeState.AVAILABLE, NodeResult.FAIL, 1, "2024-03-01T00:00:00Z", BETA)
                .path(List.of("checkout", "kbuild", "123")).data(map("count", "7", "arch", "arm64")));
        insert(node(GAMMA, "job", "gamma", NodeState.CLOSING, NodeResult.INCOMPLETE, 0, "2024-03-01T12:00:00Z", ALPHA)
                .processedByKcidbBridge(true).data(map()));
    }

    @AfterAll
    static void stop() throws Exception {
        backends.close();
    }

    private static Node.Builder node(ObjectId id, String kind, String name, NodeState state, NodeResult result, int retries,
                                     String created, ObjectId parent) {
        Instant c = Instant.parse(created);
        return Node.builder().id(id).kind(kind).name(name).path(List.of("checkout")).state(state).result(result)
                .retryCounter(retries).created(c).updated(c).timeout(c.plus(Node.DEFAULT_TIMEOUT)).parent(parent).owner("bob");
    }

    private static void insert(Node.Builder b) {
        backends.mongo().database().getCollection(NodeStore.COLLECTION).insertOne(dev.maestro.node.NodeDocuments.toDocument(b.build()));
    }

    /** "a=1&b=2" → ordered parameters (last value wins, as the API reads them). */
    static Map<String, String> params(String query) {
        Map<String, String> m = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                m.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return m;
    }

    private static List<String> names(String query) {
        return store.find(NodeQuery.unpaged(params(query))).stream().map(Node::name).toList();
    }

    static Stream<Arguments> matches() {
        Stream<Arguments> onlyHere = Stream.of(
                Arguments.of("state=available&kind=test", list("123")),
                Arguments.of("retry_counter__ne=0", list("beta-123", "123")),
                Arguments.of("timeout__lt=2024-02-01T07:00:00", list("alpha", "beta-123")),
                Arguments.of("name__re=A", list()),
                Arguments.of("data.count__int=7", list()),
                Arguments.of("data.arch=x86_64", list("beta-123")),
                Arguments.of("data.arch__lt=b", list("123")),
                Arguments.of("data.kernel_revision.version.patchlevel__gte=1", list("alpha")),
                Arguments.of("limit=1&offset=0&sort=name&kind=job", list("gamma")));
        return Stream.concat(NodeQueryCases.shared().map(NodeQueryTest::withIds), onlyHere);
    }

    /** The shared cases name alpha and beta by placeholder; here their ids are fixed. */
    private static Arguments withIds(Arguments shared) {
        Object[] a = shared.get();
        String query = ((String) a[0]).replace("{alpha}", ALPHA.toHexString()).replace("{beta}", BETA.toHexString());
        return Arguments.of(query, a[1]);
    }

    @ParameterizedTest(name = "[{index}] ?{0}")
    @MethodSource("matches")
    void queryFindsExactlyTheseNodes(String query, List<String> expected) {
        assertThat(names(query)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(store.count(NodeFilter.parse(params(query)))).isEqualTo(expected.size());
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("retry_counter=abc", "Invalid integer for 'retry_counter': 'abc'"),
                Arguments.of("retry_counter__gt=1.5", "Invalid integer"),
                Arguments.of("data.count__int=x", "Invalid integer for 'data.count'"),
                Arguments.of("created=yesterday", "Invalid isoformat string: 'yesterday'"),
                Arguments.of("created__gt=2024-13-01", "Invalid isoformat string"),
                Arguments.of("timeout__lt=2024-01-01T25:00:00", "Invalid isoformat string"),
                Arguments.of("created__in=2024-01-01,never", "Invalid isoformat string: 'never'"),
                Arguments.of("parent=xyz", "'xyz' is not a valid ObjectId"),
                Arguments.of("parent__in=65a000000000000000000001,zz", "'zz' is not a valid ObjectId"),
                Arguments.of("id=123", "'123' is not a valid ObjectId"),
                Arguments.of("processed_by_kcidb_bridge=maybe", "Invalid boolean"),
                Arguments.of("name__re=(", "Invalid regular expression for 'name'"),
                Arguments.of("name__re=[a-", "Invalid regular expression"),
                Arguments.of("retry_counter__re=1", "Operator 're' is not supported on field 'retry_counter'"),
                Arguments.of("created__re=2024", "not supported"),
                Arguments.of("name__like=x", "Unsupported operator 'like'"),
                Arguments.of("name__GT=x", "Unsupported operator 'GT'"),
                Arguments.of("name__=x", "Unsupported operator ''"),
                Arguments.of("$where=1", "Invalid field name in query: '$where'"),
                Arguments.of("data.$gt=1", "Invalid field name"),
                Arguments.of("__gt=1", "Invalid field name"),
                Arguments.of("data..x=1", "Invalid field name"),
                Arguments.of("created__gt=null", "cannot compare 'created' with null"),
                Arguments.of("sort=$natural", "Invalid sort field"),
                Arguments.of("sort=-", "Invalid sort field"));
    }

    @ParameterizedTest(name = "[{index}] ?{0}")
    @MethodSource("mistakes")
    void mistakesAre400WithADetail(String query, String detail) {
        assertThatThrownBy(() -> NodeQuery.paged(params(query))).isInstanceOfSatisfying(BadRequestException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains(detail);
        });
    }

    @Test
    void sortAscendingDescendingAndSeveralKeys() {
        assertThat(store.find(NodeQuery.unpaged(params("sort=-created"))).stream().map(Node::name))
                .containsExactly("gamma", "123", "beta-123", "alpha");
        assertThat(store.find(NodeQuery.unpaged(params("sort=name"))).stream().map(Node::name))
                .containsExactly("123", "alpha", "beta-123", "gamma");
        assertThat(store.find(NodeQuery.unpaged(params("sort=retry_counter,-name"))).stream().map(Node::name))
                .containsExactly("gamma", "alpha", "123", "beta-123");
        assertThat(store.find(NodeQuery.unpaged(params(""))).stream().map(Node::name))
                .as("natural order without sort: creation order here").containsExactly("alpha", "beta-123", "123", "gamma");
    }

    @Test
    void limitAndOffsetSliceTheSortedMatches() {
        NodeQuery q = NodeQuery.paged(params("sort=name&limit=2&offset=1"));
        assertThat(store.find(q).stream().map(Node::name)).containsExactly("alpha", "beta-123");
        assertThat(q.page()).isEqualTo(new PageRequest(2, 1));
        assertThat(NodeQuery.paged(params("")).page()).isEqualTo(new PageRequest(50, 0));
        assertThat(NodeQuery.unpaged(params("")).page()).isEqualTo(new PageRequest(0, 0));
        assertThat(store.find(NodeQuery.unpaged(params("offset=3")))).hasSize(1);
    }

    @Test
    void badLimitsAndOffsetsAre422NamingTheParameter() {
        for (String q : List.of("limit=0", "limit=-1", "limit=abc", "offset=-1", "offset=x", "limit=99999999999")) {
            assertThatThrownBy(() -> NodeQuery.paged(params(q))).as(q).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.detail().toString()).contains("query, " + q.substring(0, q.indexOf('='))));
        }
        assertThat(NodeQuery.unpaged(params("limit=0")).page().limit()).isZero();
        assertThatThrownBy(() -> NodeQuery.unpaged(params("limit=-1"))).isInstanceOf(ValidationException.class);
    }
}
