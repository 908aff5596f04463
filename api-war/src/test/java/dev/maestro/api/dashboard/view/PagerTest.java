package dev.maestro.api.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagerTest {

    @Test
    void linksKeepTheOtherParametersEncodedAndMoveTheOffset() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("tree", "a&b");
        params.put("branch", "");
        params.put("offset", "50");
        Pager pager = Pager.of("/dashboard/search", params, 50, 50, 120, 50);
        assertThat(pager.from()).isEqualTo(51);
        assertThat(pager.to()).isEqualTo(100);
        assertThat(pager.prev()).isEqualTo("/dashboard/search?tree=a%26b");
        assertThat(pager.next()).isEqualTo("/dashboard/search?tree=a%26b&offset=100");
    }

    @Test
    void theLastPageHasNoNextAndAnEmptyListCountsFromZero() {
        assertThat(Pager.of("/x", Map.of(), 100, 50, 120, 20).next()).isNull();
        Pager empty = Pager.of("/x", Map.of(), 0, 50, 0, 0);
        assertThat(empty.from()).isZero();
        assertThat(empty.prev()).isNull();
        assertThat(empty.next()).isNull();
    }
}
