package dev.maestro.node.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.error.BadRequestException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A query built in code is the query its query string gives {@code GET /nodes/fast}: same filter, sort and slice. */
class NodeCriteriaTest {
    private static final ObjectId PARENT = new ObjectId("65a000000000000000000001");
    private static final Instant NOON = Instant.parse("2026-11-26T12:00:00.250Z");

    static Stream<Arguments> sameAsTheQueryString() {
        return Stream.of(
                same("", c -> c),
                same("kind=checkout", c -> c.eq("kind", "checkout")),
                same("parent=65a000000000000000000001&name=kver&retry_counter=2&data.platform=qemu",
                        c -> c.eq("parent", PARENT).eq("name", "kver").eq("retry_counter", 2).eq("data.platform", "qemu")),
                same("parent=null", c -> c.eq("parent", null)),
                same("state__ne=done", c -> c.ne("state", "done")),
                same("holdoff__ne=null", c -> c.ne("holdoff", null)),
                same("timeout__lt=2026-11-26T12:00:00.250000&state__ne=done", c -> c.lt("timeout", NOON).ne("state", "done")),
                same("created__lte=2026-11-26T12:00:00.250000", c -> c.lte("created", NOON)),
                same("retry_counter__gt=1", c -> c.gt("retry_counter", 1L)),
                same("data.count__gte=5", c -> c.gte("data.count", 5)),
                same("data.label=5", c -> c.eq("data.label", "5")),
                same("processed_by_kcidb_bridge=true", c -> c.eq("processed_by_kcidb_bridge", true)),
                same("data.flag=false", c -> c.eq("data.flag", false)),
                same("kind__in=checkout,kbuild", c -> c.in("kind", List.of("checkout", "kbuild"))),
                same("data.arch__nin=arm64,null", c -> c.nin("data.arch", Arrays.asList("arm64", null))),
                same("state=closing&sort=updated&limit=500", c -> c.eq("state", "closing").sortedBy("updated").limit(500)),
                same("sort=-created,name", c -> c.sortedBy("-created,name")));
    }

    private static Arguments same(String queryString, UnaryOperator<NodeCriteria> built) {
        return Arguments.of(queryString, built);
    }

    @ParameterizedTest(name = "?{0}")
    @MethodSource
    void sameAsTheQueryString(String queryString, UnaryOperator<NodeCriteria> built) {
        NodeQuery parsed = NodeQuery.unpaged(NodeQueryTest.params(queryString));
        NodeQuery query = built.apply(NodeCriteria.where()).query();
        assertThat(query.filter().toBsonDocument()).isEqualTo(parsed.filter().toBsonDocument());
        assertThat(query.sort().toBsonDocument()).isEqualTo(parsed.sort().toBsonDocument());
        assertThat(query.page()).isEqualTo(parsed.page());
    }

    @Test
    void aValueTheFieldsTypeRefusesIsTheSame400AsInTheQueryString() {
        assertThatThrownBy(() -> NodeCriteria.where().eq("retry_counter", "two"))
                .isInstanceOf(BadRequestException.class).hasMessage("Invalid integer for 'retry_counter': 'two'");
        assertThatThrownBy(() -> NodeCriteria.where().eq("$where", "1"))
                .isInstanceOf(BadRequestException.class).hasMessage("Invalid field name in query: '$where'");
    }

    @Test
    void valuesTheQueryLanguageCannotSayAreRefused() {
        assertThatThrownBy(() -> NodeCriteria.where().eq("data.x", 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Double");
        assertThatThrownBy(() -> NodeCriteria.where().in("name", List.of("a,b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a,b");
        assertThatThrownBy(() -> NodeCriteria.where().limit(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
