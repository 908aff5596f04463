package dev.maestro.api.direct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainQueryTest {

    @Test
    void aPlainQueryReadsAsJaxRsDecodesIt() {
        assertThat(PlainQuery.parameters(null)).contains(Map.of());
        assertThat(PlainQuery.parameters("kind=checkout&limit=10").orElseThrow())
                .containsExactly(Map.entry("kind", "checkout"), Map.entry("limit", "10"));
        assertThat(PlainQuery.parameters("name=a&state__ne=done&name=b&data.x=").orElseThrow())
                .as("a repeated name keeps its place and its last value; an empty value stays")
                .containsExactly(Map.entry("name", "b"), Map.entry("state__ne", "done"), Map.entry("data.x", ""));
        assertThat(PlainQuery.parameters("name__re=a=b&created__gt=2026-12-07T10:00:00").orElseThrow())
                .containsExactly(Map.entry("name__re", "a=b"), Map.entry("created__gt", "2026-12-07T10:00:00"));
    }

    @Test
    void aQueryThatNeedsDecodingOrIsUnusualIsLeftToJaxRs() {
        for (String query : new String[] {"", "name=a%20b", "created__gt=2026-12-07T10:00:00+00:00", "kind", "=x",
                "kind=checkout&&limit=1", "name=a;b", "name=\"x\"", "name={}", "name=a b"}) {
            assertThat(PlainQuery.parameters(query)).as(query).isEmpty();
        }
    }
}
