package dev.maestro.node.input;

import static dev.maestro.node.TestNodes.checkoutBody;
import static dev.maestro.node.TestNodes.list;
import static dev.maestro.node.TestNodes.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.maestro.error.ValidationException;
import dev.maestro.json.Json;
import dev.maestro.node.Node;
import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeState;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeReaderTest {

    @Test
    void omittedFieldsTakeKernelCisDefaults() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Node n = NodeReader.read(map("name", "n", "path", list("n")));
        assertThat(n.kind()).isEqualTo("node");
        assertThat(n.state()).isEqualTo(NodeState.RUNNING);
        assertThat(n.result()).isNull();
        assertThat(n.artifacts()).isEmpty();
        assertThat(n.data()).isEmpty();
        assertThat(n.debug()).isEmpty();
        assertThat(n.jobfilter()).isNull();
        assertThat(n.platformFilter()).isEmpty();
        assertThat(n.userGroups()).isEmpty();
        assertThat(n.processedByKcidbBridge()).isFalse();
        assertThat(n.retryCounter()).isZero();
        assertThat(n.created()).isBetween(before, Instant.now());
        assertThat(n.updated()).isEqualTo(n.created());
        assertThat(n.timeout()).isCloseTo(n.created().plus(Node.DEFAULT_TIMEOUT), within(1, ChronoUnit.SECONDS));
        assertThat(n.holdoff()).isNull();
    }

    @Test
    void everyFieldIsReadWithItsType() {
        Map<String, Object> body = Json.parseObject("""
                {"kind":"kbuild","name":"k","path":["checkout","k"],"group":"g","parent":"61bda8f2eb1a63d2b7152418",
                 "state":"available","result":"fail","artifacts":{"log":"https://example.org"},"data":{"arch":"x86"},
                 "debug":{"x":[1,2]},"jobfilter":["a"],"platform_filter":["qemu"],"created":"2024-02-01T09:58:28.479138",
                 "updated":"2024-02-01 09:58:28+00:00","timeout":"2024-02-01T15:58:28Z","holdoff":"2024-02-01T10:58:28+01:00",
                 "owner":"someone","submitter":"user:x","treeid":"t","user_groups":["a","b"],
                 "processed_by_kcidb_bridge":true,"retry_counter":3,"unknown_key":"ignored"}""");
        Node n = NodeReader.read(body);
        assertThat(n.parent().toHexString()).isEqualTo("61bda8f2eb1a63d2b7152418");
        assertThat(n.state()).isEqualTo(NodeState.AVAILABLE);
        assertThat(n.result()).isEqualTo(NodeResult.FAIL);
        assertThat(n.artifacts()).containsEntry("log", "https://example.org/");
        assertThat(n.created()).isEqualTo(Instant.parse("2024-02-01T09:58:28.479Z"));
        assertThat(n.updated()).isEqualTo(Instant.parse("2024-02-01T09:58:28Z"));
        assertThat(n.timeout()).isEqualTo(Instant.parse("2024-02-01T15:58:28Z"));
        assertThat(n.holdoff()).isEqualTo(Instant.parse("2024-02-01T09:58:28Z"));
        assertThat(n.userGroups()).containsExactly("a", "b");
        assertThat(n.processedByKcidbBridge()).isTrue();
        assertThat(n.retryCounter()).isEqualTo(3);
        assertThat(n.id()).isNull();
    }

    @Test
    void nullableFieldsAcceptNull() {
        Node n = NodeReader.read(map("name", "n", "path", list(), "group", null, "parent", null, "result", null,
                "artifacts", null, "data", null, "debug", null, "jobfilter", null, "platform_filter", null, "holdoff", null,
                "owner", null, "submitter", null, "treeid", null));
        assertThat(n.artifacts()).isNull();
        assertThat(n.data()).isNull();
        assertThat(n.platformFilter()).isNull();
    }

    static Stream<Arguments> shapeErrors() {
        return Stream.of(
                Arguments.of(map("path", list("p")), "name", "missing"),
                Arguments.of(map("name", "n"), "path", "missing"),
                Arguments.of(map("name", 5, "path", list()), "name", "string_type"),
                Arguments.of(map("name", "n", "path", "p"), "path", "list_type"),
                Arguments.of(map("name", "n", "path", list(1)), "path", "string_type"),
                Arguments.of(map("name", "n", "path", list(), "kind", null), "kind", "string_type"),
                Arguments.of(map("name", "n", "path", list(), "state", "finished"), "state", "enum"),
                Arguments.of(map("name", "n", "path", list(), "state", null), "state", "enum"),
                Arguments.of(map("name", "n", "path", list(), "result", "PASS"), "result", "enum"),
                Arguments.of(map("name", "n", "path", list(), "parent", "xyz"), "parent", "value_error"),
                Arguments.of(map("name", "n", "path", list(), "artifacts", map("log", "ftp://x/y")), "artifacts", "url_scheme"),
                Arguments.of(map("name", "n", "path", list(), "artifacts", map("log", "not a url")), "artifacts", "url_scheme"),
                Arguments.of(map("name", "n", "path", list(), "artifacts", map("log", 5)), "artifacts", "string_type"),
                Arguments.of(map("name", "n", "path", list(), "artifacts", list()), "artifacts", "dict_type"),
                Arguments.of(map("name", "n", "path", list(), "data", "x"), "data", "dict_type"),
                Arguments.of(map("name", "n", "path", list(), "data", map("a.b", 1)), "data", "value_error"),
                Arguments.of(map("name", "n", "path", list(), "data", map("$where", 1)), "data", "value_error"),
                Arguments.of(map("name", "n", "path", list(), "data", map("big", new BigInteger("123456789012345678901234"))), "data", "value_error"),
                Arguments.of(map("name", "n", "path", list(), "debug", list()), "debug", "dict_type"),
                Arguments.of(map("name", "n", "path", list(), "created", "yesterday"), "created", "datetime_parsing"),
                Arguments.of(map("name", "n", "path", list(), "timeout", null), "timeout", "datetime_parsing"),
                Arguments.of(map("name", "n", "path", list(), "holdoff", 12), "holdoff", "datetime_parsing"),
                Arguments.of(map("name", "n", "path", list(), "retry_counter", "1"), "retry_counter", "int_type"),
                Arguments.of(map("name", "n", "path", list(), "retry_counter", 1.5), "retry_counter", "int_type"),
                Arguments.of(map("name", "n", "path", list(), "retry_counter", true), "retry_counter", "int_type"),
                Arguments.of(map("name", "n", "path", list(), "retry_counter", 9_000_000_000L), "retry_counter", "int_type"),
                Arguments.of(map("name", "n", "path", list(), "processed_by_kcidb_bridge", "true"), "processed_by_kcidb_bridge", "bool_type"),
                Arguments.of(map("name", "n", "path", list(), "user_groups", list("a", "a")), "user_groups", "value_error"),
                Arguments.of(map("name", "n", "path", list(), "owner", 1), "owner", "string_type"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("shapeErrors")
    void shapeErrorsAre422NamingTheField(Map<String, Object> body, String field, String type) {
        assertThatThrownBy(() -> NodeReader.read(body)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> errors = (List<Map<String, Object>>) e.detail();
            assertThat(errors).anySatisfy(err -> {
                assertThat(((List<?>) err.get("loc")).subList(0, 2)).isEqualTo(List.of("body", field));
                assertThat(err.get("type")).isEqualTo(type);
                assertThat(err.get("msg")).asString().isNotBlank();
            });
        });
    }

    @Test
    void allErrorsOfABodyAreReportedTogether() {
        assertThatThrownBy(() -> NodeReader.read(map("state", "x", "retry_counter", "1")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat((List<?>) e.detail()).hasSize(4));
    }

    @Test
    void dataNestedTooDeeplyIsRefused() {
        Object deep = "leaf";
        for (int i = 0; i < 40; i++) {
            deep = map("d", deep);
        }
        Map<String, Object> body = map("name", "n", "path", list(), "data", deep);
        assertThatThrownBy(() -> NodeReader.read(body)).isInstanceOf(ValidationException.class);
    }

    @Test
    void idIsReadFromIdOrUnderscoreId() {
        assertThat(NodeReader.read(map("name", "n", "path", list(), "_id", "61bda8f2eb1a63d2b7152418")).id())
                .hasToString("61bda8f2eb1a63d2b7152418");
        assertThat(NodeReader.read(map("name", "n", "path", list(), "id", null)).id()).isNull();
        assertThat(NodeReader.read(checkoutBody("c")).id()).isNull();
    }

    @Test
    void bareHostArtifactGainsATrailingSlashOthersAreKept() {
        assertThat(HttpUrls.normalise("https://example.org")).contains("https://example.org/");
        assertThat(HttpUrls.normalise("http://example.org?a=1")).contains("http://example.org/?a=1");
        assertThat(HttpUrls.normalise("https://example.org/a/b.log")).contains("https://example.org/a/b.log");
        assertThat(HttpUrls.normalise("HTTPS://example.org/x")).contains("HTTPS://example.org/x");
        assertThat(HttpUrls.normalise("file:///etc/passwd")).isEmpty();
        assertThat(HttpUrls.normalise("https:///nohost")).isEmpty();
        assertThat(HttpUrls.normalise("example.org/x")).isEmpty();
    }
}
